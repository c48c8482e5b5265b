/** Params of this run and of the base, flattened and compared. */
import { InputError } from './errors.ts';
import { flatten, isPlainObject, mergeFlat, readJson } from './json-file.ts';

export interface ParamChange {
  name: string;
  base?: string;
  head?: string;
}

export interface ParamsDiff {
  /** This run's params, shown whole when there is nothing to compare with. */
  head: [string, string][];
  /** Undefined when no baseline params file exists. */
  changed?: ParamChange[];
}

function show(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : JSON.stringify(value);
}

function load(paths: string[], input: string, optional: boolean): Map<string, string> | undefined {
  const files: { path: string; entries: [string, unknown][] }[] = [];
  for (const path of paths) {
    const json = readJson(path, input);
    if (json === undefined) {
      if (optional) continue;
      throw new InputError(`Input "${input}": ${path} does not exist.`);
    }
    if (!isPlainObject(json)) {
      throw new InputError(`Input "${input}": ${path} is not a JSON object of params.`);
    }
    files.push({ path, entries: flatten(json) });
  }
  if (files.length === 0) return undefined;
  const merged = mergeFlat(files, input);
  return new Map([...merged].map(([name, value]) => [name, show(value)]));
}

export function loadParamsDiff(paths: string[], basePaths: string[]): ParamsDiff | undefined {
  const head = load(paths, 'params', false);
  if (!head) return undefined;
  const base = load(basePaths, 'baseline-params', true);
  if (!base) return { head: [...head] };
  const changed: ParamChange[] = [];
  for (const [name, value] of head) {
    if (base.get(name) !== value) changed.push({ name, base: base.get(name), head: value });
  }
  for (const [name, value] of base) {
    if (!head.has(name)) changed.push({ name, base: value });
  }
  return { head: [...head], changed };
}
