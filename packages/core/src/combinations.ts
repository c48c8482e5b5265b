/**
 * Combinations of choices: the render matrix, the requirement sets to lock, and the CI matrix.
 *
 * Where training runs, what it logs to and how data is versioned interact in the workflows, so
 * the render matrix crosses every runner, tracker and data choice (with the options those
 * features own). Every other choice (the Python version, the report, …) rotates through that
 * product: each of their combinations still appears, just not with every runner × tracker × data.
 */
import type { Answers } from './answers.js';
import type { ChoiceOption } from './option-types.js';
import { options, resolveAnswers, type RawAnswers } from './options.js';

const crossedKeys = new Set<string>(['runner', 'tracker', 'data']);

const choiceOptions = options.filter((option): option is ChoiceOption => option.kind === 'choice');

/** A feature's own options carry a `when`: they are crossed with the choice that asks them. */
const isCrossed = (option: ChoiceOption) =>
  crossedKeys.has(option.key) || option.when !== undefined;

function cross(raws: RawAnswers[], crossed: readonly ChoiceOption[]): RawAnswers[] {
  for (const option of crossed) {
    raws = raws.flatMap((raw) =>
      option.when && !option.when.holds(raw as Partial<Answers>)
        ? [raw]
        : option.choices.map((choice) => ({ ...raw, [option.key]: choice.value })),
    );
  }
  return raws;
}

/** The render matrix: runner × tracker × data crossed, every other choice rotated through it. */
export function answerCombinations(name = 'demo-project'): Answers[] {
  const rotated = choiceOptions.filter((option) => !isCrossed(option));
  const raws = cross([{ name }], choiceOptions.filter(isCrossed)).map((raw, index) => {
    // The index read as a mixed-radix number: its digits pick each rotated option's choice, so
    // the rotated choices run through all their combinations as the index grows.
    let rest = index;
    const picked: RawAnswers = { ...raw };
    for (const option of rotated) {
      picked[option.key] = option.choices[rest % option.choices.length]!.value;
      rest = Math.floor(rest / option.choices.length);
    }
    return picked;
  });
  return raws.map((raw) => resolveAnswers(raw, name));
}

/**
 * Every combination that can change what a project installs: all choices crossed except the
 * Python version, since each lock is universal across the supported versions.
 */
export function requirementCombinations(name = 'demo-project'): Answers[] {
  const crossed = choiceOptions.filter((option) => option.key !== 'python');
  return cross([{ name }], crossed).map((raw) => resolveAnswers(raw, name));
}

/** A short name of a combination, e.g. `cml-aws --cml-gpu nogpu --cml-spot yes, Python 3.12`. */
export function combinationName(answers: Answers): string {
  const named = new Set<string>(['runner', 'python']);
  // A feature's own choices always; other choices when they are not the default.
  const own = options.flatMap((option) =>
    option.kind === 'choice' &&
    !named.has(option.key) &&
    (option.when ? option.when.holds(answers) : answers[option.key] !== option.default)
      ? [`--${option.flag} ${String(answers[option.key])}`]
      : [],
  );
  return `${[answers.runner, ...own].join(' ')}, Python ${answers.python}`;
}
