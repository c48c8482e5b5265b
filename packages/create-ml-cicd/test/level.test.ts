import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';
import { useTempDirs } from './temp-dirs.js';

const tempDir = useTempDirs('create-ml-cicd level ');

describe('create-ml-cicd --level', () => {
  it('shows the answers a level sets before anything is generated, also in --json', () => {
    const dir = join(tempDir(), 'churn');
    const text = runBin([dir, '--yes', '--level', '1', '--dry-run']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(
      /^Level 1 \(Continuous training: .*\) sets --data dvc/,
    );

    const json = JSON.parse(runBin([dir, '--yes', '--level', '1', '--dry-run', '--json']).stdout);
    expect(json.level).toMatchObject({ id: '1', answers: { data: 'dvc' } });
    expect(json.answers.data).toBe('dvc');
  });

  it('lets every flag override the level', () => {
    const dir = join(tempDir(), 'churn');
    const run = runBin([dir, '--yes', '--level', '2', '--data', 'none', '--dry-run', '--json']);
    const { answers, level } = JSON.parse(run.stdout);
    expect(level.answers.data).toBe('dvc');
    expect(answers.data).toBe('none');
    expect(answers.release).toBe('on');
  });

  it('refuses a level that does not exist, naming the valid ones', () => {
    const run = runBin(['demo', '--level', '3']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('--level must be one of 0, 1, 2 (got "3").');
  });
});
