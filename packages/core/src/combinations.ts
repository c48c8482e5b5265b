/** Every valid combination of choices: for the render matrix, the locks and the CI matrix. */
import type { Answers } from './answers.js';
import { options, resolveAnswers, type RawAnswers } from './options.js';

export function answerCombinations(name = 'demo-project'): Answers[] {
  let raws: RawAnswers[] = [{ name }];
  for (const option of options) {
    if (option.kind !== 'choice') continue;
    raws = raws.flatMap((raw) =>
      option.choices.map((choice) => ({ ...raw, [option.key]: choice.value })),
    );
  }
  return raws.map((raw) => resolveAnswers(raw, name));
}
