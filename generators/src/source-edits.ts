/**
 * TypeScript the contributor generators write: formatted with the repository's prettier config,
 * and registry edits (an import, a list entry) that fail loudly when the file has changed shape.
 */
import { join } from 'node:path';
import type { ModifyActionConfig } from 'node-plop';
import { format, resolveConfig } from 'prettier';
import { repoRoot } from './paths.js';

export async function formatTs(text: string): Promise<string> {
  // The repository's config, also for a copy of it outside the repository (as in tests).
  const config = await resolveConfig(join(repoRoot, 'package.json'));
  return format(text, { ...config, parser: 'typescript' });
}

/** One line of prose as a sentence: trimmed, ending with a full stop. */
export function sentence(value: string): string {
  const text = value.trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** One line of text as a single-quoted TypeScript string literal (prettier picks the quotes). */
export function literal(value: string): string {
  return `'${value.trim().replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** A module's (first run of) value imports: a new one goes after them, before `import type`. */
const importBlock = /(?:^import (?!type )[^;]*;\n)+/m;

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function checked(path: string, holds: (text: string) => boolean, what: string) {
  return async (text: string) => {
    const result = await formatTs(text);
    if (!holds(result)) {
      throw new Error(
        `Could not insert ${what} into ${path}: the file has changed shape. Add it by hand.`,
      );
    }
    return result;
  };
}

/**
 * Imports `name` from `from` after the module's imports and appends it to the list that
 * follows `listStart` (e.g. `export const features = [`).
 */
export function registryEdits(
  path: string,
  listStart: string,
  name: string,
  from: string,
): ModifyActionConfig[] {
  const importLine = `import { ${name} } from '${from}';`;
  const list = new RegExp(`(${escaped(listStart)})([^\\]]*?[^\\s,\\]]),?(\\s*\\])`);
  const listed = new RegExp(`${escaped(listStart)}[^\\]]*\\b${name}\\b`);
  return [
    {
      type: 'modify',
      path,
      pattern: importBlock,
      template: `$&${importLine}\n`,
      transform: checked(path, (text) => text.includes(importLine), `the import of ${name}`),
    },
    {
      type: 'modify',
      path,
      pattern: list,
      template: `$1$2, ${name}$3`,
      transform: checked(path, (text) => listed.test(text), `the entry ${name}`),
    },
  ];
}
