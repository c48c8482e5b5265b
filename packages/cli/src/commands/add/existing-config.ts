/**
 * An ml-cicd.yaml the repository already has: the answers it holds, the keys of its params that
 * are the team's (descriptions, bounds, patterns), and the merge that keeps its comments and order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gate, Param } from '@ml-cicd/config';
import { yamlOptions, type RawAnswers } from '@ml-cicd/core';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { UserError } from '../../errors.js';
import { inertText } from './params.js';

export interface ExistingConfig {
  doc: Document;
  text: string;
}

export function readExistingConfig(dir: string): ExistingConfig | undefined {
  const path = join(dir, 'ml-cicd.yaml');
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const doc = parseDocument(text);
  const [error] = doc.errors;
  if (error) {
    const [at] = error.linePos ?? [];
    const where = at ? `:${at.line}:${at.col}` : '';
    throw new UserError(
      `ml-cicd.yaml${where} is not valid YAML (${error.code}); fix it or move it aside, then run this again.`,
    );
  }
  if (!isMap(doc.contents)) {
    throw new UserError(
      'ml-cicd.yaml is not a mapping of keys; fix it or move it aside, then run this again.',
    );
  }
  return { doc, text };
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** The answers ml-cicd.yaml already gives, leaving out those it does not set. */
export function existingAnswers(config: ExistingConfig | undefined): RawAnswers {
  if (!config) return {};
  const { doc } = config;
  const given: RawAnswers = {
    name: text(doc.getIn(['project', 'name'])),
    python: text(doc.get('python')),
    runner: text(doc.getIn(['runner', 'kind'])),
    runnerTimeout: text(doc.getIn(['runner', 'timeout-minutes'])),
    hostedLabel: text(doc.getIn(['runner', 'label'])),
    secretsScope: text(doc.get('secrets-scope')),
    tracker: text(doc.getIn(['tracker', 'kind'])),
  };
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
}

/** The gates of ml-cicd.yaml, when each names a metric and a numeric bound. */
export function existingGates(config: ExistingConfig | undefined): Gate[] | undefined {
  const gates = (config?.doc.toJS() as { metrics?: { gates?: unknown } } | undefined)?.metrics
    ?.gates;
  if (!Array.isArray(gates)) return undefined;
  const valid = gates.every(
    (gate: Partial<Gate>) =>
      typeof gate?.metric === 'string' &&
      (typeof gate.min === 'number' || typeof gate.max === 'number') &&
      ['min', 'max'].every((bound) => {
        const value = (gate as Record<string, unknown>)[bound];
        return value === undefined || typeof value === 'number';
      }),
  );
  return valid ? (gates as Gate[]) : undefined;
}

/** ml-cicd.yaml's `train` or `report` section, when it is a mapping: the team's, never reverted. */
export function existingSection(
  config: ExistingConfig | undefined,
  key: 'train' | 'report',
): Record<string, unknown> | undefined {
  const value = (config?.doc.toJS() as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The script decides types, defaults and choices; the team's descriptions, bounds and patterns
 * stay, and so does its default of a required flag, which the script cannot give (report.yml
 * trains with it).
 */
export function keepTeamKeys(
  config: ExistingConfig | undefined,
  params: Record<string, Param>,
  required: string[] = [],
): void {
  const theirs = (config?.doc.toJS() as { params?: Record<string, Partial<Param>> } | undefined)
    ?.params;
  for (const [name, param] of Object.entries(params)) {
    const own = theirs?.[name];
    if (!own || own.type !== param.type) continue;
    const description = typeof own.description === 'string' ? inertText(own.description) : '';
    if (description) param.description = description;
    const ownDefault = own.default;
    if (
      required.includes(name) &&
      typeof ownDefault === typeof param.default &&
      (!param.choices || param.choices.includes(String(ownDefault)))
    ) {
      param.default = ownDefault as Param['default'];
    }
    const value = param.default;
    if (typeof value === 'number') {
      if (typeof own.min === 'number' && own.min <= value) param.min = own.min;
      if (typeof own.max === 'number' && own.max >= value) param.max = own.max;
    }
    if (typeof own.pattern === 'string' && safeTest(own.pattern, String(value))) {
      param.pattern = own.pattern;
    }
  }
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The team's ml-cicd.yaml with the script's params, the keys it lacks, and the `decided` keys
 * the command sets; its own text when that changes nothing.
 */
export function mergeConfig(
  config: ExistingConfig,
  generated: string,
  decided: string[] = [],
): string {
  const doc = config.doc.clone();
  const ours = parseDocument(generated);
  const wanted = ours.toJS() as Record<string, unknown> & {
    params: Record<string, Record<string, unknown>>;
  };
  for (const key of Object.keys(wanted)) {
    const changed = decided.includes(key) && !same(doc.toJS()?.[key], wanted[key]);
    if (!doc.has(key) || changed) doc.set(key, ours.get(key, true));
  }
  // What add found (a requirements path, a package to install) joins the team's own keys there.
  for (const key of ['train', 'report']) {
    const section = wanted[key] as Record<string, unknown> | undefined;
    for (const [field, value] of Object.entries(section ?? {})) {
      if (!same(doc.getIn([key, field]), value) && !doc.hasIn([key, field])) {
        doc.setIn([key, field], ours.getIn([key, field], true));
      }
    }
  }
  const current = (doc.toJS() as { params?: Record<string, Record<string, unknown>> }).params ?? {};
  for (const name of Object.keys(current)) {
    if (!(name in wanted.params)) doc.deleteIn(['params', name]);
  }
  for (const [name, param] of Object.entries(wanted.params)) {
    const had = current[name];
    if (!had) {
      doc.setIn(['params', name], ours.getIn(['params', name], true));
      continue;
    }
    for (const field of Object.keys(had)) {
      if (!(field in param)) doc.deleteIn(['params', name, field]);
    }
    // Only changed values are replaced, so a comment on an unchanged one stays.
    for (const [field, value] of Object.entries(param)) {
      if (!same(had[field], value))
        doc.setIn(['params', name, field], ours.getIn(['params', name, field], true));
    }
  }
  const environments = wanted.environments as Record<string, Record<string, unknown>>;
  for (const [name, environment] of Object.entries(environments)) {
    if (!doc.hasIn(['environments', name])) {
      doc.setIn(['environments', name], ours.getIn(['environments', name], true));
      continue;
    }
    // An environment the team has keeps its names, and gets those the workflows now read.
    for (const list of ['secrets', 'variables']) {
      const had = doc.getIn(['environments', name, list]);
      const names = isSeq(had)
        ? had.items.map((item) => String(isScalar(item) ? item.value : item))
        : [];
      const missing = ((environment[list] as string[] | undefined) ?? []).filter(
        (wantedName) => !names.includes(wantedName),
      );
      if (missing.length === 0) continue;
      // An empty list (`[]`) is replaced, so the names are written one per line as ours are.
      if (isSeq(had) && names.length > 0) {
        for (const wantedName of missing) had.add(doc.createNode(wantedName));
      } else doc.setIn(['environments', name, list], doc.createNode([...names, ...missing]));
    }
  }
  // The train action reads the metrics file of --metrics-file, else the one recorded here.
  const metricsFile = (wanted.metrics as { file: string }).file;
  if (doc.getIn(['metrics', 'file']) !== metricsFile) doc.setIn(['metrics', 'file'], metricsFile);
  if (same(doc.toJS(), config.doc.toJS())) return config.text;
  return doc.toString(yamlOptions);
}
