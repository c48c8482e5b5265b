/** Reads the JSON files the inputs name and flattens nested objects to dotted keys. */
import { readFileSync } from 'node:fs';
import { InputError } from './errors.ts';

/** Parsed JSON, or undefined when the file does not exist (the caller decides if that is an error). */
export function readJson(path: string, input: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new InputError(`Input "${input}": cannot read ${path} (${code ?? String(error)}).`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(
      `Input "${input}": ${path} is not valid JSON (${(error as Error).message}).`,
    );
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaves of nested objects, keyed by their dotted path (DVC writes `{"train": {"loss": 0.1}}`). */
export function flatten(value: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([key, child]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return isPlainObject(child) ? flatten(child, name) : [[name, child] as [string, unknown]];
  });
}

/**
 * Merges the flattened files into one map, refusing a key that two files both define, so no value
 * silently hides another.
 */
export function mergeFlat(
  files: { path: string; entries: [string, unknown][] }[],
  input: string,
): Map<string, unknown> {
  const merged = new Map<string, unknown>();
  const origin = new Map<string, string>();
  for (const { path, entries } of files) {
    for (const [name, value] of entries) {
      const first = origin.get(name);
      if (first !== undefined) {
        throw new InputError(`Input "${input}": "${name}" is in both ${first} and ${path}.`);
      }
      origin.set(name, path);
      merged.set(name, value);
    }
  }
  return merged;
}
