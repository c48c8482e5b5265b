/** .gitignore lists what the project's own runs write: each feature adds its folders, no other. */
import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../src/options.js';
import { buildProject } from '../src/plan.js';
import { repoAssets } from './assets.js';

function ignored(raw: Record<string, string>): string[] {
  const answers = resolveAnswers({ name: 'demo', ...raw }, 'demo');
  const text = buildProject(answers, repoAssets).files.get('.gitignore')!;
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

const featureFolders = ['mlruns/', 'wandb/', '.neptune/', '/release/', '/dvc_plots/'];

describe('.gitignore', () => {
  it.each([
    [{ release: 'off' }, []],
    [{}, ['/release/']],
    [{ tracker: 'mlflow', release: 'off' }, ['mlruns/']],
    [{ tracker: 'wandb', data: 'dvc', release: 'off' }, ['wandb/', '/dvc_plots/']],
  ])('of %j ignores exactly its own runs’ folders %j, and outputs/ always', (raw, own) => {
    const lines = ignored(raw as Record<string, string>);
    expect(lines).toContain('outputs/');
    expect(lines.filter((line) => featureFolders.includes(line))).toEqual(own);
  });
});
