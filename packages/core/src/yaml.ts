/** Serialises structured files (workflows, configs) as YAML 1.2 with stable, prettier-clean formatting. */
import { Document, isScalar, visit } from 'yaml';
import { tagOf } from './versions.js';

export const yamlOptions = { lineWidth: 0, nullStr: '' } as const;

/**
 * YAML text of `value`, with `comment` as a header and every SHA-pinned `uses:` followed by its
 * version tag (`# v7.0.1`), as zizmor and Dependabot expect.
 */
export function toYaml(value: unknown, comment?: string): string {
  const doc = new Document(value);
  if (comment) doc.commentBefore = comment.replace(/^/gm, ' ').trimEnd();
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(pair.value)) return;
      const tag = tagOf(String(pair.value.value));
      if (tag) pair.value.comment = ` ${tag}`;
    },
  });
  return doc.toString(yamlOptions);
}
