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

function numbersOf(json: unknown, path: string, input: string): [string, number][] {
  const notNumbers = `Input "${input}": ${path} is not a JSON object of numbers`;
  if (!isPlainObject(json)) throw new InputError(`${notNumbers} (its top level is not an object).`);
  const entries = flatten(json);
  if (entries.length === 0) throw new InputError(`${notNumbers} (it has no values).`);
  for (const [name, value] of entries) {
    if (typeof value !== 'number') {
      const kind = Array.isArray(value)
        ? 'an array'
        : value === null
          ? 'null'
          : `a ${typeof value}`;
      throw new InputError(`${notNumbers} ("${name}" is ${kind}).`);
    }
  }
  return entries as [string, number][];
}

/** This run's metrics: every file must exist and hold numbers. */
export function loadMetrics(paths: string[], input = 'metrics'): Metrics {
  const files = paths.map((path) => {
    const json = readJson(path, input);
    if (json === undefined) throw new InputError(`Input "${input}": ${path} does not exist.`);
    return { path, entries: numbersOf(json, path, input) };
  });
  return mergeFlat(files, input) as Metrics;
}

export interface Baseline {
  /** Undefined when no baseline file exists yet. */
  values?: Metrics;
  missing: string[];
}

/** The base's metrics: a missing file is "no baseline yet", but a broken one is still an error. */
export function loadBaseline(paths: string[], input = 'baseline'): Baseline {
  const present: { path: string; entries: [string, number][] }[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const json = readJson(path, input);
    if (json === undefined) missing.push(path);
    else present.push({ path, entries: numbersOf(json, path, input) });
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
