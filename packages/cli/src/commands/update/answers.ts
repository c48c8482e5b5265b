/**
 * `ml-cicd update --tracker mlflow`: answers changed on the way. The base is still rendered from
 * the recorded answers, so the three-way merge moves the project to the new choice and keeps
 * the user's edits. The flags are create-ml-cicd's, from the registry; the project name stays.
 */
import { options, refuseRetired, type Answers, type Option } from '@ml-cicd/core';

const changeable = options.filter((option) => option.key !== 'name');

/** One string flag per changeable answer, as create-ml-cicd names it. */
export const answerFlags = Object.fromEntries(
  changeable.map((option) => [option.flag, { type: 'string' } as const]),
) as Record<string, { type: 'string' }>;

/** The answer flags given, in the order of the registry; a retired choice is refused. */
export function givenAnswers(values: Record<string, unknown>): [Option, string][] {
  return changeable.flatMap((option) => {
    const value = values[option.flag];
    if (typeof value !== 'string') return [];
    refuseRetired(option, value);
    return [[option, value] as [Option, string]];
  });
}

/**
 * The recorded answers with the given ones changed. A recorded answer of an option that no
 * longer applies (another runner's labels) is dropped; a given one that does not apply is left
 * for resolveAnswers to refuse, naming its flag.
 */
export function changedAnswers(
  recorded: Record<string, unknown>,
  given: [Option, string][],
): Record<string, unknown> {
  const changed = { ...recorded };
  for (const [option, value] of given) changed[option.key] = value;
  const explicit = new Set(given.map(([option]) => option.key));
  for (const option of options) {
    if (explicit.has(option.key) || !option.when) continue;
    if (!option.when.holds(changed as Partial<Answers>)) delete changed[option.key];
  }
  return changed;
}

/** The flags as given, for the summary: `--tracker mlflow`. */
export function describeGiven(given: [Option, string][]): string {
  return given.map(([option, value]) => `--${option.flag} ${value}`).join(' ');
}
