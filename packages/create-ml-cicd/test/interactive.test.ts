import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keys, openTerminal } from './terminal.js';
import { useTempDirs } from './temp-dirs.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const tempDir = useTempDirs('create-ml-cicd-tty-');

describe.skipIf(!hasScript)('on a terminal', () => {
  it('asks every question, offers the registry’s choices, and writes the answers', async () => {
    const cwd = tempDir();
    const term = openTerminal(['--no-git'], cwd);
    await term.waitFor('Where should the project go?');
    term.type(`gpu-project${keys.enter}`);
    await term.waitFor('Project name');
    term.type(keys.enter);
    await term.waitFor('Python version');
    term.type(keys.enter);
    await term.waitFor('Self-hosted runner');
    term.type(`${keys.down}${keys.enter}`);
    await term.waitFor('Time limit of a training run');
    term.type(`120${keys.enter}`);
    await term.waitFor('Labels of your self-hosted runner');
    term.type(`linux,gpu${keys.enter}`);
    await term.waitFor('MLflow');
    term.type(`${keys.down}${keys.enter}`);
    // The rest keep their defaults; each question must still be asked.
    for (const question of [
      'How should data and models be versioned?',
      'Check weekly for a newer ml-cicd template?',
      'What does the model predict?',
      'Where should the training secrets live?',
      'Publish the model from v* tags after a review?',
      'How often should the released model be re-evaluated',
      "Report each pull request's metrics",
    ]) {
      await term.waitFor(question);
      term.type(keys.enter);
    }
    expect(await term.exit).toBe(0);
    expect(term.screen()).toContain('Next steps');
    const manifest = JSON.parse(
      readFileSync(join(cwd, 'gpu-project/.ml-cicd/manifest.json'), 'utf8'),
    );
    expect(manifest.answers).toEqual({
      name: 'gpu-project',
      python: '3.12',
      runner: 'self-hosted',
      runnerTimeout: 120,
      runnerLabels: ['linux', 'gpu'],
      tracker: 'mlflow',
      data: 'none',
      updateCheck: 'off',
      task: 'binary',
      secretsScope: 'environment',
      release: 'on',
      retrain: 'monthly',
      report: 'yes',
    });
  });

  it('exits 130 on Ctrl-C at a prompt and writes nothing', async () => {
    const cwd = tempDir();
    const term = openTerminal(['--no-git'], cwd);
    await term.waitFor('Where should the project go?');
    term.type(keys.ctrlC);
    expect(await term.exit).toBe(130);
    expect(term.screen()).toContain('Cancelled: nothing was written.');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('cancels by default when the folder has files, and leaves them as they were', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'notes.txt'), 'mine\n');
    const term = openTerminal(
      [
        'taken',
        ...['--name', 'taken', '--python', '3.12', '--runner', 'hosted', '--runner-timeout', '60'],
        ...['--hosted-label', 'ubuntu-latest', '--tracker', 'none', '--level', '0', '--no-git'],
        ...['--secrets-scope', 'environment', '--task', 'binary'],
      ],
      cwd,
    );
    await term.waitFor('already has files (notes.txt)');
    term.type(keys.enter);
    expect(await term.exit).toBe(130);
    expect(readdirSync(join(cwd, 'taken'))).toEqual(['notes.txt']);
  });
});
