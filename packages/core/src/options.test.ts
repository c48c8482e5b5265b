import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import { options, resolveAnswers } from './options.js';
import { answerCombinations } from './combinations.js';

describe('resolveAnswers', () => {
  it('fills every default and derives the name from the folder', () => {
    expect(resolveAnswers({}, 'My Project')).toEqual({
      name: 'my-project',
      python: '3.12',
      runner: 'hosted',
      runnerLabels: [],
    });
  });

  it('takes self-hosted labels from a comma-separated flag', () => {
    const answers = resolveAnswers({ runner: 'self-hosted', runnerLabels: 'linux, gpu' }, 'x-y');
    expect(answers.runnerLabels).toEqual(['linux', 'gpu']);
  });

  it.each([
    [{ runner: 'cloud' }, '--runner must be one of hosted, self-hosted (got "cloud").'],
    [{ python: '3.9' }, '--python must be one of 3.10, 3.11, 3.12, 3.13 (got "3.9").'],
    [{ runnerLabels: 'gpu' }, '--runner-labels applies only with --runner self-hosted.'],
    [
      { runner: 'self-hosted', runnerLabels: 'gpu,self-hosted' },
      '--runner-labels: "self-hosted" is added for you: list only the labels after it.',
    ],
    [
      { runner: 'self-hosted', runnerLabels: 'a b' },
      '--runner-labels: "a b" must be 1 to 100 letters, digits, ".", "_" or "-", starting with a letter or digit.',
    ],
  ])('refuses %j with a usage error naming the flag', (raw, message) => {
    expect(() => resolveAnswers(raw, 'ok-name')).toThrow(new UsageError(message));
  });

  it('refuses a bad project name with the valid form', () => {
    expect(() => resolveAnswers({ name: 'Bad_Name' }, 'x')).toThrow(
      /use 2 to 64 lowercase letters/,
    );
    expect(() => resolveAnswers({}, '123')).toThrow(/Pass --name\.$/);
  });
});

describe('options', () => {
  it('offer every runner feature as a choice', () => {
    const runner = options.find((option) => option.key === 'runner');
    expect(runner?.kind === 'choice' && runner.choices.map((c) => c.value)).toEqual([
      'hosted',
      'self-hosted',
    ]);
  });

  it('combine into every python × runner pair', () => {
    expect(answerCombinations()).toHaveLength(8);
  });
});
