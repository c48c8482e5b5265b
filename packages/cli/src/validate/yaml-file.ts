/**
 * A YAML file parsed as YAML 1.2 (so the key `on` stays a string) with every node's position.
 * Syntax errors become findings; the file is never thrown at the caller.
 */
import {
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import type { Finding } from './finding.js';

export interface Position {
  line: number;
  column: number;
}

export interface YamlFile {
  /** Relative to the validated folder, with `/`. */
  path: string;
  text: string;
  doc: Document.Parsed;
  position(offset: number): Position;
  /** Where a node starts; the start of the file when there is no node. */
  at(node: Node | null | undefined): Position;
}

export function parseYamlFile(path: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
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
  };
}

/** The first syntax error (later ones are mostly its echoes) and every duplicate key. */
export function yamlFindings(file: YamlFile): Finding[] {
  const errors = file.doc.errors;
  const duplicates = errors.filter((error) => error.code === 'DUPLICATE_KEY');
  const first = errors.find((error) => error.code !== 'DUPLICATE_KEY');
  return [...duplicates, ...(first ? [first] : [])].map((error) => ({
    rule: 'yaml',
    severity: 'error',
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
function sentence(message: string): string {
  const text = message
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:]+$/, '');
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}.`;
}
