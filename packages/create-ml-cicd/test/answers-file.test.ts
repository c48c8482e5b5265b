import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';
import { useTempDirs } from './temp-dirs.js';

const tempDir = useTempDirs('create-ml-cicd answers ');

function answersFile(content: string): string {
  const file = join(tempDir(), 'answers.json');
  writeFileSync(file, content);
  return file;
}

describe('create-ml-cicd --answers', () => {
  it('takes the answers of a manifest; flags override them, unknown keys are left out', () => {
    const file = answersFile(
      JSON.stringify({
        name: 'from-file',
        tracker: 'wandb',
        runnerTimeout: 90,
        runner: 'self-hosted',
        runnerLabels: ['linux', 'gpu'],
        answerOfALaterVersion: 'yes',
      }),
    );
    const target = join(tempDir(), 'project');
    const { code, stdout, stderr } = runBin([
      target,
      '--answers',
      file,
      '--tracker',
      'mlflow',
      '--dry-run',
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).answers).toMatchObject({
      name: 'from-file',
      tracker: 'mlflow',
      runnerTimeout: 90,
      runner: 'self-hosted',
      runnerLabels: ['linux', 'gpu'],
    });
  });

  it('says in one sentence what is wrong with the file', () => {
    const notJson = answersFile('{"name": ');
    expect(runBin(['demo', '--answers', notJson, '--dry-run'])).toMatchObject({
      code: 1,
      stderr: `--answers: cannot read ${notJson}: it is not valid JSON.\n`,
    });
    const badValue = answersFile('{"runnerTimeout": true}');
    expect(runBin(['demo', '--answers', badValue, '--dry-run'])).toMatchObject({
      code: 2,
      stderr: `--answers ${badValue}: runnerTimeout must be a string, a number or a list of strings.\n`,
    });
    const badChoice = answersFile('{"tracker": "clearml"}');
    expect(runBin(['demo', '--answers', badChoice, '--dry-run']).stderr).toMatch(
      /^--tracker must be one of none, mlflow, wandb, comet \(got "clearml"\)\.\n$/,
    );
  });

  it('still renders a retired tracker from recorded answers, which ml-cicd update relies on', () => {
    const file = answersFile(JSON.stringify({ name: 'old-project', tracker: 'neptune' }));
    const target = join(tempDir(), 'project');
    const { code, stdout, stderr } = runBin([target, '--answers', file, '--dry-run', '--json']);
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.answers.tracker).toBe('neptune');
    expect(JSON.stringify(result.files)).toContain('tests/test_tracking_neptune.py');
  });

  it('refuses a retired tracker given as a flag, in one sentence naming the replacements', () => {
    const file = answersFile(JSON.stringify({ name: 'old-project', tracker: 'wandb' }));
    const { code, stdout, stderr } = runBin(['demo', '--answers', file, '--tracker', 'neptune']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "--tracker neptune is no longer offered, as Neptune's hosted service shut down: use --tracker mlflow or --tracker wandb (an existing project moves with ml-cicd update --tracker mlflow).\n",
    );
  });
});
