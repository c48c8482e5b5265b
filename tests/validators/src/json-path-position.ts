import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

// jsonschema writes `.key` for identifier-like keys, `['k\'ey']` for the others and `[0]` for items.
const SEGMENT = /\.([a-zA-Z][a-zA-Z0-9_]*)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/g;

/**
 * Line and column (1-based) of the node that a jsonschema path such as `$.jobs.build.steps[0]`
 * names in a YAML text; the deepest node found when the path goes further than the text.
 */
export function jsonPathPosition(
  text: string,
  path: string,
): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  let node = document.contents as Node | null;
  for (const [, plain, quoted, index] of path.matchAll(SEGMENT)) {
    const key = plain ?? quoted?.replace(/\\(.)/g, '$1');
    const next: unknown =
      index !== undefined && isSeq(node)
        ? node.items[Number(index)]
        : key !== undefined && isMap(node)
          ? node.get(key, true)
          : undefined;
    if (!next) break;
    node = next as Node;
  }
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
