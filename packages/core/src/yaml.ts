/**
 * Serialises structured files (workflows, configs) as YAML 1.2 with the `yaml` package: stable,
 * prettier-clean formatting, with comments.
 */
import { Document, isMap, isScalar, Scalar, type Node } from 'yaml';
import { tagOf } from './versions.js';

export const yamlOptions = { lineWidth: 0, nullStr: '' } as const;

/** A value written with a trailing comment, e.g. a permission with the reason it is needed. */
export function commented(value: string | number | boolean, comment: string): Scalar {
  const scalar = new Scalar(value);
  scalar.comment = ` ${comment}`;
  return scalar;
}

const asComment = (text: string) => text.replace(/^/gm, ' ').trimEnd();

/** Puts each note before the key at its dotted path; a path that is not there is a bug. */
function addNotes(doc: Document, notes: Record<string, string>): void {
  for (const [path, note] of Object.entries(notes)) {
    const keys = path.split('.');
    const parent: unknown = keys.length > 1 ? doc.getIn(keys.slice(0, -1), true) : doc.contents;
    const pair = isMap(parent)
      ? parent.items.find((item) => isScalar(item.key) && item.key.value === keys.at(-1))
      : undefined;
    if (!pair) throw new Error(`No key ${path} to put a note before.`);
    (pair.key as Node).commentBefore = asComment(note);
  }
}

/** A replacer that writes each SHA-pinned `uses:` with its version tag after it. */
function withVersionTags(key: unknown, value: unknown): unknown {
  if (key !== 'uses' || typeof value !== 'string') return value;
  const tag = tagOf(value);
  return tag ? commented(value, tag) : value;
}

/**
 * YAML text of `value`, with `comment` as a header, `notes` before the keys they name (dotted
 * paths), and every SHA-pinned `uses:` followed by its version tag (`# v7.0.1`), as zizmor and
 * Dependabot expect.
 */
export function toYaml(
  value: unknown,
  comment?: string,
  notes: Record<string, string> = {},
): string {
  // Shared objects are written out each time: anchors and aliases only puzzle a reader.
  const doc = new Document(value, withVersionTags, { aliasDuplicateObjects: false });
  if (comment) doc.commentBefore = asComment(comment);
  addNotes(doc, notes);
  return doc.toString(yamlOptions);
}
