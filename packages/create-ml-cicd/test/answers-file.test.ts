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
    const badChoice = answersFile('{"tracker": "comet"}');
    expect(runBin(['demo', '--answers', badChoice, '--dry-run']).stderr).toMatch(
      /^--tracker must be one of none, mlflow, wandb, neptune \(got "comet"\)\.\n$/,
    );
  });
});
