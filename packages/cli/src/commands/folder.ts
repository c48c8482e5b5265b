/** The folder a command works in, from its positional arguments. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import type { Io } from '../io.js';

/** `given`, resolved from the working folder; an error naming it when it is not a folder. */
export function existingFolder(io: Io, given: string, what: string): string {
  const dir = resolve(io.cwd, given);
  let folder = false;
  try {
    folder = statSync(dir).isDirectory();
  } catch {
    folder = false;
  }
  if (!folder) throw new UserError(`${given} is not a folder; pass the ${what}'s folder.`);
  return dir;
}

/** The project folder: the one positional argument, or the working folder. */
export function projectDir(io: Io, positionals: string[]): string {
  if (positionals.length > 1) {
    throw new UsageError(
      `Expected one folder, got ${positionals.length}: ${positionals.join(' ')}.`,
    );
  }
  return existingFolder(io, positionals[0] ?? '.', 'project');
}
