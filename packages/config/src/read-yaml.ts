/**
 * Reads `ml-cicd.yaml` into plain data. Every way the text can fail to be a YAML mapping (syntax,
 * duplicate keys, a list or mapping as a key, an empty file, another top-level type) becomes a
 * finding with a position.
 */
import { isAlias, isCollection, isMap, isNode, isScalar, isSeq, visit, type Document } from 'yaml';
import type { Finding } from './finding.js';
import { schema } from './schema.js';
import { parseYamlFile, sentence, yamlErrors, yamlRule, type YamlFile } from './yaml-file.js';

export interface ReadYaml {
  file: YamlFile;
  /** The top-level mapping as plain data; absent when the text is not one. */
  data?: Record<string, unknown>;
  findings: Finding[];
}

const topLevelKeys = schema.required?.join(', ') ?? '';

export function readYaml(text: string, path: string): ReadYaml {
  const file = parseYamlFile(path, text);
  const { doc } = file;
  const finding = (offset: number, message: string, severity: Finding['severity'] = 'error') => ({
    rule: yamlRule,
    severity,
    file: path,
    ...file.position(offset),
    message,
  });
  const warnings = doc.warnings.map((w) =>
    finding(w.pos[0], `YAML warning: ${sentence(w.message)}`, 'warning'),
  );
  const errors = yamlErrors(file);
  if (errors.length > 0) return { file, findings: [...errors, ...warnings] };

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    const message = `${path} is empty; it must be a mapping with the keys ${topLevelKeys}.`;
    return { file, findings: [finding(0, message), ...warnings] };
  }
  if (!isMap(contents)) {
    const kind = isSeq(contents) ? 'a list' : 'a single value';
    const message = `the top level must be a mapping with the keys ${topLevelKeys}, not ${kind}.`;
    return { file, findings: [finding(contents.range?.[0] ?? 0, message), ...warnings] };
  }
  // toJS would turn such a key into its text, which no schema rule could point back to.
  const collectionKeys = collectionKeyOffsets(doc).map((offset) =>
    finding(offset, 'a key must be a single value, not a list or a mapping.'),
  );
  if (collectionKeys.length > 0) return { file, findings: [...collectionKeys, ...warnings] };
  try {
    return { file, data: doc.toJS() as Record<string, unknown>, findings: warnings };
  } catch (error) {
    return { file, findings: [aliasFinding(doc, finding, path, error), ...warnings] };
  }
}

function collectionKeyOffsets(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Pair(_, pair) {
      const { key } = pair;
      if (!isNode(key)) return;
      if (isCollection(isAlias(key) ? key.resolve(doc) : key)) offsets.push(key.range?.[0] ?? 0);
    },
  });
  return offsets;
}

/** `toJS` throws for an alias without an anchor before it, or for an alias bomb. */
function aliasFinding(
  doc: Document,
  finding: (offset: number, message: string) => Finding,
  file: string,
  error: unknown,
): Finding {
  let unresolved: Finding | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) !== undefined) return undefined;
      const message = `the alias *${alias.source} refers to no anchor &${alias.source} defined before it.`;
      unresolved = finding(alias.range?.[0] ?? 0, message);
      return visit.BREAK;
    },
  });
  const reason = error instanceof Error ? error.message : String(error);
  return unresolved ?? finding(0, `${file} could not be read: ${sentence(reason)}`);
}
