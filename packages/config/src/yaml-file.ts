/**
 * The one YAML loader of ml-cicd: a file parsed as YAML 1.2 (so the key `on` stays a string),
 * keeping every node's range, so a node or a path into the data can be traced back to its line
 * and column. Syntax errors become findings; nothing is thrown at the caller or printed.
 */
import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import type { Finding } from './finding.js';
import type { Path } from './path.js';

export const yamlRule = 'yaml';

/** `node` points at a value, `key` at the key of the pair that holds it. */
export type Anchor = 'node' | 'key';

export interface Position {
  line: number;
  column: number;
}

export interface YamlFile {
  /** As findings name it: relative to the validated folder, with `/`. */
  path: string;
  text: string;
  doc: Document.Parsed;
  position(offset: number): Position;
  /** Where a node starts; the start of the file when there is no node. */
  at(node: Node | null | undefined): Position;
  /** Where the deepest node on `path` that exists starts (the whole document at worst). */
  locate(path: Path, anchor?: Anchor): Position;
}

export function parseYamlFile(path: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // What the library would print on stderr (such as a collection key stringified by toJS) is
    // either reported as a finding with a position or of no consequence to the readers.
    logLevel: 'error',
  });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, column: col };
  };
  return {
    path,
    text,
    doc,
    position,
    at: (node) => position(node?.range?.[0] ?? 0),
    locate: (where, anchor = 'node') => position(offsetOf(doc, where, anchor)),
  };
}

/** The first syntax error (later ones are mostly its echoes) and every duplicate key. */
export function yamlErrors(file: YamlFile): Finding[] {
  const errors = file.doc.errors;
  const duplicates = errors.filter((error) => error.code === 'DUPLICATE_KEY');
  const first = errors.find((error) => error.code !== 'DUPLICATE_KEY');
  return [...duplicates, ...(first ? [first] : [])]
    .sort((a, b) => a.pos[0] - b.pos[0])
    .map((error) => ({
      rule: yamlRule,
      severity: 'error' as const,
      file: file.path,
      ...file.position(error.pos[0]),
      message: describe(error, file),
    }));
}

function describe(error: YAMLError, file: YamlFile): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return `${keyAt(file.doc, error.pos[0])} appears twice in the same mapping; keep one.`;
    case 'TAB_AS_INDENT':
      return 'YAML does not allow tabs for indentation; indent with spaces.';
    case 'MULTIPLE_DOCS':
      return `${file.path} must hold one YAML document, but a second one starts here.`;
    default:
      return `invalid YAML: ${sentence(error.message)}`;
  }
}

/** "the key "name"", or "this key" when it is not a plain scalar. */
function keyAt(doc: Document, offset: number): string {
  let key = 'this key';
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      key = `the key ${JSON.stringify(String(pair.key.value))}`;
      return visit.BREAK;
    },
  });
  return key;
}

/** yaml's message as the end of one of our sentences: lower-case start, one final period. */
export function sentence(message: string): string {
  const text = message
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:]+$/, '');
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}.`;
}

function start(node: unknown): number | undefined {
  if (!isNode(node) || !node.range) return undefined;
  // An empty value (`key:` and nothing) sits past the end of its line; its key is the better spot.
  if (isScalar(node) && node.value === null && node.range[0] === node.range[1]) return undefined;
  return node.range[0];
}

function offsetOf(doc: Document, path: Path, anchor: Anchor): number {
  let node: unknown = doc.contents;
  let key: unknown;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (!pair) break;
      [node, key] = [pair.value, pair.key];
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      [node, key] = [node.items[segment], undefined];
    } else {
      break;
    }
  }
  const keyOffset = start(key);
  const nodeOffset = start(node);
  if (anchor === 'key') return keyOffset ?? nodeOffset ?? 0;
  return nodeOffset ?? keyOffset ?? 0;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}
