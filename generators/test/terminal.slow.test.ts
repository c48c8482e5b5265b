import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, tree } from './support.js';
import { enter, plopOnTerminal } from './terminal.js';

const root = tempDir();
const questions = {
  name: 'Project name',
  python: 'Python version for CI and training',
  runner: 'Where should training run?',
  timeout: 'Time limit of a training run',
  hostedLabel: 'Runner label of training',
  labels: 'Labels of your self-hosted runner',
  tracker: 'Where should runs be tracked?',
};
/** Asked after the tracker; these tests take their defaults. */
const laterQuestions = [
  'How should data and models be versioned?',
  'Check weekly for a newer ml-cicd template?',
  'What does the model predict?',
  'Where should the training secrets live?',
  'Publish the model from v* tags after a review?',
  'How often should the released model be re-evaluated',
  "Report each pull request's metrics",
];

describe('plop project on a terminal', () => {
  it('asks the registry questions, and the labels only for a self-hosted runner', async () => {
    const terminal = plopOnTerminal(['project', 'hosted-model'], root);
    const asked = [
      questions.name,
      questions.python,
      questions.runner,
      questions.timeout,
      questions.hostedLabel,
      questions.tracker,
      ...laterQuestions,
    ];
    for (const question of asked) {
      await terminal.answer(question, enter);
    }
    expect(await terminal.exit).toBe(0);
    expect(terminal.transcript()).not.toContain(questions.labels);
    expect(tree(join(root, 'hosted-model')).length).toBeGreaterThan(0);
  });

  it('asks for the labels after a self-hosted runner given on the command line', async () => {
    const terminal = plopOnTerminal(
      ['project', 'gpu-model', '--', '--runner', 'self-hosted'],
      root,
    );
    await terminal.answer(questions.name, enter);
    await terminal.answer(questions.python, enter);
    await terminal.answer(questions.timeout, enter);
    await terminal.answer(questions.labels, `gpu${enter}`);
    await terminal.answer(questions.tracker, enter);
    for (const question of laterQuestions) await terminal.answer(question, enter);
    expect(await terminal.exit).toBe(0);
    const actionlint = tree(join(root, 'gpu-model')).find(
      (f) => f.path === '.github/actionlint.yaml',
    );
    expect(actionlint?.content.toString('utf8')).toContain('labels:\n    - gpu\n');
  });

  it('takes the labels and force from the command line, as without a terminal', async () => {
    const dir = join(root, 'not-empty');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.md'), 'mine\n');
    const args = [
      '--name',
      'forced',
      '--runner',
      'self-hosted',
      '--runner-labels',
      'gpu',
      '--runner-timeout',
      '90',
      '--tracker',
      'none',
      '--force',
      'y',
    ];
    const terminal = plopOnTerminal(['project', 'not-empty', '--', ...args], root);
    await terminal.answer(questions.python, enter);
    for (const question of laterQuestions) await terminal.answer(question, enter);
    expect(await terminal.exit).toBe(0);
    expect(terminal.transcript()).not.toContain('already has files');
    expect(tree(dir).map((file) => file.path)).toContain('notes.md');
    expect(tree(dir).map((file) => file.path)).toContain('ml-cicd.yaml');
  });

  it('asks before writing into a folder with files, and writes nothing on the default no', async () => {
    const dir = join(root, 'keep-mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.md'), 'mine\n');
    const terminal = plopOnTerminal(
      [
        'project',
        'keep-mine',
        '--',
        '--name',
        'keep-mine',
        '--python',
        '3.12',
        '--runner',
        'hosted',
        '--runner-timeout',
        '60',
        '--hosted-label',
        'ubuntu-latest',
        '--tracker',
        'none',
        ...['--data', 'none', '--update-check', 'off', '--task', 'binary'],
        ...['--secrets-scope', 'environment'],
        ...['--release', 'on', '--retrain', 'monthly', '--report', 'yes'],
      ],
      root,
    );
    await terminal.answer('already has files', enter);
    expect(await terminal.exit).toBe(1);
    expect(terminal.transcript()).toContain('nothing was written');
    expect(tree(dir).map((file) => file.path)).toEqual(['notes.md']);
  });
});
