/**
 * A `.github/actionlint.yaml` or `.github/zizmor.yml` the repository has gets what ml-cicd's
 * workflows need from it: the keys it lacks and the list items it lacks. Its own keys, values,
 * comments and order stay; where one of its values differs from ml-cicd's, it wins, with a note.
 */
import { isDeepStrictEqual } from 'node:util';
import { yamlOptions } from '@ml-cicd/core';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { UserError } from '../../errors.js';
import type { Merged } from './merge-dependabot.js';

export const actionlintPath = '.github/actionlint.yaml';
export const zizmorPath = '.github/zizmor.yml';

/**
 * Keys whose absence means "anything goes": actionlint checks `vars.*` names only once
 * `config-variables` lists some, so a file without it stays without it.
 */
const unchecked = new Set([`${actionlintPath}:config-variables`]);

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
        const theirs = node.toJSON() as unknown[];
        for (const item of value.filter((v) => !theirs.some((t) => isDeepStrictEqual(t, v)))) {
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
