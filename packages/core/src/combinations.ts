/** Every valid combination of choices: for the render matrix, the locks and the CI matrix. */
import type { Answers } from './answers.js';
import { options, resolveAnswers, type RawAnswers } from './options.js';

export function answerCombinations(name = 'demo-project'): Answers[] {
  let raws: RawAnswers[] = [{ name }];
  for (const option of options) {
    if (option.kind !== 'choice') continue;
    raws = raws.flatMap((raw) =>
      option.when && !option.when.holds(raw as Partial<Answers>)
        ? [raw]
        : option.choices.map((choice) => ({ ...raw, [option.key]: choice.value })),
    );
  }
  return raws.map((raw) => resolveAnswers(raw, name));
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
