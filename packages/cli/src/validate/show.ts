/** How values appear in messages: strings quoted, lists in brackets, the rest as written. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return String(value);
}

/** Whether two defaults are the same value, reading numbers and booleans written as text. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    const [x, y] = [Number(a), Number(b)];
    return !Number.isNaN(x) && x === y && String(a).trim() !== '' && String(b).trim() !== '';
  }
  return String(a) === String(b);
}
