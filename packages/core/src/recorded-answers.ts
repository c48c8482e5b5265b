/**
 * Answers recorded as JSON (the `answers` of `.ml-cicd/manifest.json`) turned back into raw flag
 * values, so resolveAnswers checks them and fills what a later version added with its defaults.
 */
import { UsageError } from './errors.js';
import { moveRecordedAnswers } from './moved-answers.js';
import { options, type RawAnswers } from './options.js';

function asRaw(value: unknown, problem: () => string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(',');
  }
  throw new UsageError(problem());
}

/**
 * The recorded answers as raw values. Keys this version does not know are left out, so answers
 * recorded by another version still render. `where` names the source in an error.
 */
export function rawFromRecorded(recorded: unknown, where: string): RawAnswers {
  if (typeof recorded !== 'object' || recorded === null || Array.isArray(recorded)) {
    throw new UsageError(`${where} must hold one JSON object of answers.`);
  }
  // A choice a later version replaced reads as its replacement.
  const answers = moveRecordedAnswers(recorded as Record<string, unknown>);
  const raw: RawAnswers = {};
  for (const option of options) {
    const value = answers[option.key];
    if (value === undefined) continue;
    raw[option.key] = asRaw(
      value,
      () => `${where}: ${option.key} must be a string, a number or a list of strings.`,
    );
  }
  return raw;
}
