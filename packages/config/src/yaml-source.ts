/**
 * Parses `ml-cicd.yaml` as YAML 1.2 and keeps the document, so any path into the data can be
 * traced back to the line and column of its node.
 */
import {
  type Document,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
} from 'yaml';
import type { Path } from './path.js';

/** `node` points at a value, `key` at the key of the pair that holds it. */
export type Anchor = 'node' | 'key';

export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  doc: Document;
  position(offset: number): Position;
  locate(path: Path, anchor?: Anchor): Position;
}

export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // What the library would print on stderr the readers report as findings with a position.
    logLevel: 'error',
  });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    doc,
    position,
    locate: (path, anchor = 'node') => position(offsetOf(doc, path, anchor)),
  };
}

function start(node: unknown): number | undefined {
  if (!isNode(node) || !node.range) return undefined;
  // An empty value (`key:` and nothing) sits past the end of its line; its key is the better spot.
  if (isScalar(node) && node.value === null && node.range[0] === node.range[1]) return undefined;
  return node.range[0];
}

/** The offset of the deepest node on `path` that exists (the whole document at worst). */
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
