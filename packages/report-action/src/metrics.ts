/** Metrics of this run and of the base: loading, and the row-by-row comparison. */
import { InputError } from './errors.ts';
import { flatten, isPlainObject, mergeFlat, readJson } from './json-file.ts';

export type Metrics = Map<string, number>;

export interface MetricRow {
  name: string;
  base?: number;
  head?: number;
  change?: number;
  /** Change relative to |base|, in percent; undefined when the base is 0. */
  changePct?: number;
}

/** The kind of a value that is not a number, in words: "a string", "null", "an array". */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : `a ${typeof value}`;
}

interface FileMetrics {
  path: string;
  entries: [string, number][];
  /** Values that are not numbers (a model name, a null, a list): shown as such, never compared. */
  notNumbers: string[];
}

function numbersOf(json: unknown, path: string, input: string): FileMetrics {
  const notNumbers = `Input "${input}": ${path} is not a JSON object of numbers`;
  if (!isPlainObject(json)) throw new InputError(`${notNumbers} (its top level is not an object).`);
  const all = flatten(json);
  const entries = all.filter((entry): entry is [string, number] => typeof entry[1] === 'number');
  if (entries.length === 0) {
    const why = all.length === 0 ? 'it has no values' : 'none of its values is a number';
    throw new InputError(`${notNumbers} (${why}).`);
  }
  const others = all.filter(([, value]) => typeof value !== 'number');
  return { path, entries, notNumbers: others.map(([name, value]) => `${name} (${kindOf(value)})`) };
}

export interface HeadMetrics {
  values: Metrics;
  /** Each value left out as not a number, as `name (kind)`. */
  notNumbers: string[];
}

/** This run's metrics: every file must exist and hold at least one number. */
export function loadMetrics(paths: string[], input = 'metrics'): HeadMetrics {
  const files = paths.map((path) => {
    const json = readJson(path, input);
    if (json === undefined) throw new InputError(`Input "${input}": ${path} does not exist.`);
    return numbersOf(json, path, input);
  });
  return {
    values: mergeFlat(files, input) as Metrics,
    notNumbers: files.flatMap((file) => file.notNumbers),
  };
}

export interface Baseline {
  /** Undefined when no baseline file exists yet. */
  values?: Metrics;
  missing: string[];
}

/** The base's metrics: a missing file is "no baseline yet", but a broken one is still an error. */
export function loadBaseline(paths: string[], input = 'baseline'): Baseline {
  const present: FileMetrics[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const json = readJson(path, input);
    if (json === undefined) missing.push(path);
    else present.push(numbersOf(json, path, input));
  }
  if (present.length === 0) return { missing };
  return { values: mergeFlat(present, input) as Metrics, missing };
}

/** One row per metric of this run, in file order, then the metrics the base had and this run lost. */
export function compareMetrics(head: Metrics, base: Metrics | undefined): MetricRow[] {
  const rows: MetricRow[] = [...head].map(([name, value]) => {
    const before = base?.get(name);
    if (before === undefined) return { name, head: value };
    const change = value - before;
    const changePct = before === 0 ? undefined : (change / Math.abs(before)) * 100;
    return { name, base: before, head: value, change, changePct };
  });
  for (const [name, before] of base ?? []) {
    if (!head.has(name)) rows.push({ name, base: before });
  }
  return rows;
}
