/**
 * The optional variables of the project: those `.env.example` shows commented out with their
 * default (`# MLFLOW_AUTOLOG=false`), which the code reads only when set. Left unset, the default
 * applies, so they are never missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const commentedDefault = /^#\s*([A-Z_][A-Z0-9_]*)=/;

export function optionalNames(dir: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(join(dir, '.env.example'), 'utf8');
  } catch {
    return new Set();
  }
  return new Set(
    text.split(/\r?\n/).flatMap((line) => commentedDefault.exec(line.trim())?.slice(1, 2) ?? []),
  );
}
