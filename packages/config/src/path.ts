/** Paths into the config: how messages name a node and how positions are looked up. */

export type Path = readonly (string | number)[];

const plainKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `params.max-depth.default`, `metrics.gates[0]`, `environments["prod.eu"]`. */
export function formatPath(path: Path): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (!plainKey.test(segment)) return `[${JSON.stringify(segment)}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join('');
}

/** Turns a JSON pointer into a path, with array indices as numbers (read from `data`). */
export function pointerToPath(pointer: string, data: unknown): Path {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const index = Array.isArray(node) ? Number(segment) : undefined;
    path.push(index ?? segment);
    node =
      isRecord(node) || Array.isArray(node)
        ? (node as Record<string, unknown>)[segment]
        : undefined;
  }
  return path;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a message shows it: scalars as written, collections by kind. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = JSON.stringify(value);
    return shown.length > 50 ? `${shown.slice(0, 46)}…"` : shown;
  }
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  return String(value);
}

/** A name in a list (`gini, entropy`): bare when it is one plain word, quoted otherwise. */
export function showName(value: unknown): string {
  const text = String(value);
  return /^[\w.\/+-]+$/.test(text) ? text : JSON.stringify(text);
}

/** The subject of a message: the path, followed by the offending value when it is a scalar. */
export function subject(path: Path, value: unknown): string {
  const where = path.length === 0 ? 'the top level' : formatPath(path);
  const scalar = value === null || typeof value !== 'object';
  return scalar && value !== undefined ? `${where} ${showValue(value)}` : where;
}
