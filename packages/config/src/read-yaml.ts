/**
 * Reads `ml-cicd.yaml` into plain data. Every way the text can fail to be a YAML mapping (syntax,
 * duplicate keys, a list or mapping as a key, an empty file, another top-level type) becomes a
 * finding with a position.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  visit,
  type Document,
  type YAMLError,
} from 'yaml';
import type { Finding } from './finding.js';
import { schema } from './schema.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

export const yamlRule = 'yaml';

export interface ReadYaml {
  source: YamlSource;
  /** The top-level mapping as plain data; absent when the text is not one. */
  data?: Record<string, unknown>;
  findings: Finding[];
}

const topLevelKeys = schema.required?.join(', ') ?? '';

export function readYaml(text: string, file: string): ReadYaml {
  const source = parseYamlSource(text);
  const { doc } = source;
  const finding = (offset: number, message: string, severity: Finding['severity'] = 'error') => ({
    rule: yamlRule,
    severity,
    message,
    file,
    ...source.position(offset),
  });
  const warnings = doc.warnings.map((w) =>
    finding(w.pos[0], `YAML warning: ${sentence(w.message)}`, 'warning'),
  );
  const errors = firstErrors(doc.errors).map((e) =>
    finding(e.pos[0], describeYamlError(e, doc, file)),
  );
  if (errors.length > 0) return { source, findings: [...errors, ...warnings] };

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    const message = `${file} is empty; it must be a mapping with the keys ${topLevelKeys}.`;
    return { source, findings: [finding(0, message), ...warnings] };
  }
  if (!isMap(contents)) {
    const kind = isSeq(contents) ? 'a list' : 'a single value';
    const message = `the top level must be a mapping with the keys ${topLevelKeys}, not ${kind}.`;
    return { source, findings: [finding(contents.range?.[0] ?? 0, message), ...warnings] };
  }
  // toJS would turn such a key into its text, which no schema rule could point back to.
  const collectionKeys = collectionKeyOffsets(doc).map((offset) =>
    finding(offset, 'a key must be a single value, not a list or a mapping.'),
  );
  if (collectionKeys.length > 0) return { source, findings: [...collectionKeys, ...warnings] };
  try {
    return { source, data: doc.toJS() as Record<string, unknown>, findings: warnings };
  } catch (error) {
    return { source, findings: [aliasFinding(doc, finding, file, error), ...warnings] };
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

/** The first syntax error (later ones are mostly its echoes) and every duplicate key. */
function firstErrors(errors: readonly YAMLError[]): YAMLError[] {
  const duplicates = errors.filter((e) => e.code === 'DUPLICATE_KEY');
  const first = errors.find((e) => e.code !== 'DUPLICATE_KEY');
  return [...duplicates, ...(first ? [first] : [])].sort((a, b) => a.pos[0] - b.pos[0]);
}

function describeYamlError(error: YAMLError, doc: Document, file: string): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return `${keyAt(doc, error.pos[0])} appears twice in the same mapping; keep one.`;
    case 'TAB_AS_INDENT':
      return 'YAML does not allow tabs for indentation; indent with spaces.';
    case 'MULTIPLE_DOCS':
      return `${file} must hold one YAML document, but a second one starts here.`;
    default:
      return `invalid YAML: ${sentence(error.message)}`;
  }
}

/** "the key "name"", or "this key" when it is not a plain scalar. */
function keyAt(doc: Document, offset: number): string {
  let key = 'this key';
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = `the key ${JSON.stringify(String(pair.key.value))}`;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
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

/** yaml's message as the end of one of our sentences: lower-case start, one final period. */
function sentence(message: string): string {
  const text = message
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:]+$/, '');
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}.`;
}
