/**
 * A `.github/actionlint.yaml` or `.github/zizmor.yml` the repository has gets what ml-cicd's
 * workflows need from it: the keys it lacks and the list items it lacks. Its own keys, values,
 * comments and order stay; where one of its values differs from ml-cicd's, it wins, with a note.
 * actionlint's `config-variables` also lists the variables the repository's own workflows read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { yamlOptions } from '@ml-cicd/core';
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type YAMLMap } from 'yaml';
import { UserError } from '../../errors.js';
import type { Merged } from './merge-dependabot.js';

export const actionlintPath = '.github/actionlint.yaml';
export const zizmorPath = '.github/zizmor.yml';

/**
 * Keys whose absence means "anything goes": actionlint checks `vars.*` names only once
 * `config-variables` lists some, so a file without it stays without it.
 */
const unchecked = new Set([`${actionlintPath}:config-variables`]);

/** Lists whose items are names compared whatever their case: actionlint's, as GitHub's are. */
const caseless = new Set([`${actionlintPath}:config-variables`]);

type Data = Record<string, unknown>;

const isData = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isEmpty = (value: unknown) =>
  Array.isArray(value) ? value.length === 0 : isData(value) && Object.keys(value).length === 0;

class Merger {
  changed = false;
  readonly notes: string[] = [];

  constructor(
    private readonly path: string,
    private readonly doc: Document,
  ) {}

  into(target: YAMLMap, ours: Data, at: string): void {
    for (const [key, value] of Object.entries(ours)) {
      const keyPath = at ? `${at}.${key}` : key;
      const node = target.get(key, true);
      const absent = node === undefined || (isScalar(node) && node.value === null);
      if (absent) {
        if (isEmpty(value) || unchecked.has(`${this.path}:${keyPath}`)) continue;
        target.set(key, this.doc.createNode(value));
        this.changed = true;
      } else if (isMap(node) && isData(value)) {
        this.into(node, value, keyPath);
      } else if (isSeq(node) && Array.isArray(value)) {
        const key = caseless.has(`${this.path}:${keyPath}`)
          ? (item: unknown) => (typeof item === 'string' ? item.toLowerCase() : item)
          : (item: unknown) => item;
        const theirs = (node.toJSON() as unknown[]).map(key);
        const missing = value.filter((v) => !theirs.some((t) => isDeepStrictEqual(t, key(v))));
        for (const item of missing) {
          node.add(this.doc.createNode(item));
          this.changed = true;
        }
      } else if (!isDeepStrictEqual((node as { toJSON(): unknown }).toJSON(), value)) {
        this.notes.push(
          `${this.path} keeps its ${keyPath} (ml-cicd's workflows are checked with ${JSON.stringify(value)}); the validators may report on them.`,
        );
      }
    }
  }
}

/** `theirs`, the file in the repository, with what `ours` adds; unchanged text when nothing is. */
export function mergeSettings(path: string, theirs: string, ours: string): Merged {
  const doc: Document = parseDocument(theirs);
  // An empty file, or one of comments only, is an empty mapping.
  if (doc.contents === null) doc.contents = doc.createNode({});
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new UserError(
      `${path} is not valid YAML with keys and values; fix it or move it aside, then run this again.`,
    );
  }
  const merger = new Merger(path, doc);
  merger.into(doc.contents, parseDocument(ours).toJS() as Data, '');
  return { content: merger.changed ? doc.toString(yamlOptions) : theirs, notes: merger.notes };
}

const workflowsDir = '.github/workflows';

/** `vars.NAME` and `vars['NAME']` in a workflow's values (its expressions and `if:` conditions). */
const variableReference = /\bvars\s*(?:\.\s*([A-Za-z_]\w*)|\[\s*'([^']+)'\s*\])/g;

/** The configuration variables the repository's workflows read, as they spell them. */
export function workflowVariables(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, workflowsDir), { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  const found = new Set<string>();
  for (const name of names.sort()) {
    const doc = parseDocument(readFileSync(join(dir, workflowsDir, name), 'utf8'));
    visit(doc, {
      Scalar(_, node) {
        if (typeof node.value !== 'string') return;
        for (const match of node.value.matchAll(variableReference))
          found.add(match[1] ?? match[2]!);
      },
    });
  }
  return [...found];
}

/**
 * ml-cicd's actionlint.yaml with the variables the repository's own workflows read added to its
 * `config-variables`: actionlint checks every `vars.*` against that list once it exists, so a
 * list without the team's names would turn their green workflows red (W19: never narrower).
 */
export function withWorkflowVariables(dir: string, ours: string): string {
  const doc = parseDocument(ours);
  const list = doc.get('config-variables', true);
  if (!isSeq(list)) return ours;
  const listed = new Set(list.items.map((item) => String(isScalar(item) ? item.value : item)));
  // actionlint compares the names whatever their case, as GitHub does.
  const known = new Set([...listed].map((name) => name.toLowerCase()));
  const missing = workflowVariables(dir).filter((name) => {
    const seen = known.has(name.toLowerCase());
    known.add(name.toLowerCase());
    return !seen;
  });
  if (missing.length === 0) return ours;
  doc.set('config-variables', [...listed, ...missing].sort());
  return doc.toString(yamlOptions);
}
