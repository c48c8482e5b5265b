/** Small readers over yaml's node tree, so rules keep both the values and their positions. */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';

export interface Entry {
  key: string;
  keyNode: Scalar;
  value: Node | null;
}

/** The entries of a mapping whose keys are plain scalars, in order. */
export function entries(node: unknown): Entry[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((item: Pair<unknown, unknown>) =>
    isScalar(item.key)
      ? [{ key: String(item.key.value), keyNode: item.key, value: (item.value as Node) ?? null }]
      : [],
  );
}

export function entry(node: unknown, key: string): Entry | undefined {
  return entries(node).find((candidate) => candidate.key === key);
}

export function get(node: unknown, key: string): Node | null | undefined {
  return entry(node, key)?.value;
}

export function getMap(node: unknown, key: string): YAMLMap | undefined {
  const value = get(node, key);
  return isMap(value) ? value : undefined;
}

/** A scalar's value as text (strings, numbers and booleans); undefined for anything else. */
export function text(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  return String(node.value);
}

export function items(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]) : [];
}

/** The entry at the end of a path of keys; undefined when any key is missing. */
export function entryAt(root: unknown, path: readonly string[]): Entry | undefined {
  let node: unknown = root;
  let found: Entry | undefined;
  for (const key of path) {
    found = entry(node, key);
    if (!found) return undefined;
    node = found.value;
  }
  return found;
}
