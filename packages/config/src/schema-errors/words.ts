/** Small wording helpers shared by the schema error messages. */
import { showName } from '../path.js';
import type { JsonSchema } from '../schema/json-schema.js';

const typeWords: Record<NonNullable<JsonSchema['type']>, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
};

export function typeWord(type: unknown): string {
  return typeWords[type as keyof typeof typeWords] ?? String(type);
}

export function list(values: readonly unknown[]): string {
  return values.map(showName).join(', ');
}

/** "an integer parameter", "a GitHub-hosted runner": a branch title used inside a sentence. */
export function withArticle(title: string): string {
  // Lower-case the first word unless it is a name (GitHub) rather than a capitalised word.
  const lower = /^[A-Z][a-z]*\b/.test(title)
    ? title.charAt(0).toLowerCase() + title.slice(1)
    : title;
  return `${/^[aeiou]/i.test(lower) ? 'an' : 'a'} ${lower}`;
}

/** The known key closest to a mistyped or shortened one, if it is close enough to be meant. */
export function closest(key: string, known: readonly string[]): string | undefined {
  const extended = known.find(
    (candidate) => key.length >= 3 && (candidate.startsWith(key) || key.startsWith(candidate)),
  );
  if (extended) return extended;
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(key.length / 3)) ? best.key : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
