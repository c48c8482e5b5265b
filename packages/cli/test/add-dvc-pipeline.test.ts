/**
 * `ml-cicd add workflow dvc` in a repository with a DVC pipeline of its own: the stages and the
 * parameters stay as the team wrote them, and the DVC workflow reproduces that pipeline.
 */
import { describe, expect, it } from 'vitest';
import { add, read, tempDir, write } from './fixtures.js';
import { lockedRequirements, moduleLevel } from './scripts.js';

const dvcYaml = `# Our pipeline.
stages:
  featurize:
    cmd: python src/featurize.py data/raw data/features
    deps: [src/featurize.py, data/raw]
    params: [featurize.max_features]
    outs: [data/features]
  train:
    cmd: python train.py
    deps: [train.py, data/features]
    params:
      - train
    outs:
      - model.pkl
`;

const paramsYaml = `featurize:
  max_features: 200
train:
  seed: 20170428
  n_est: 50
`;

function pipelineRepo(): string {
  const dir = tempDir();
  write(dir, 'train.py', moduleLevel);
  write(dir, 'requirements.txt', lockedRequirements);
  write(dir, 'dvc.yaml', dvcYaml);
  write(dir, 'params.yaml', paramsYaml);
  return dir;
}

describe('ml-cicd add workflow dvc beside a pipeline of the repository', () => {
  it('keeps dvc.yaml and params.yaml as they are, and adds the workflow that reproduces them', async () => {
    const dir = pipelineRepo();
    const { code, out } = await add(dir, 'workflow', 'dvc');
    expect(code).toBe(0);
    expect(read(dir, 'dvc.yaml')).toBe(dvcYaml);
    expect(read(dir, 'params.yaml')).toBe(paramsYaml);
    expect(out).toContain('note: dvc.yaml is kept as it is: the repository has its own.\n');
    expect(out).toContain('note: params.yaml is kept as it is: the repository has its own.\n');
    expect(out).toContain(
      'note: dvc.yaml has a pipeline of its own (stages featurize, train): add keeps it, and params.yaml, as they are; the DVC workflow runs dvc repro on it, checks that the committed dvc.lock is up to date, and pushes from main.\n',
    );
    expect(out).not.toContain('dvc.yaml declares no outs');
    const workflow = read(dir, '.github/workflows/dvc.yml');
    expect(workflow).toContain('run: dvc repro\n');
    expect(workflow).toContain('git diff --exit-code dvc.lock');
    expect(workflow).toContain('dvc push\n');
    const again = await add(dir, 'workflow', 'dvc');
    expect(again.out).toContain('note: dvc.yaml is kept as it is: the repository has its own.\n');
    expect(read(dir, 'dvc.yaml')).toBe(dvcYaml);
  });

  it('needs no training script for a pipeline whose stages run scripts of their own', async () => {
    const dir = tempDir();
    write(dir, 'requirements.txt', lockedRequirements);
    write(dir, 'dvc.yaml', dvcYaml.replaceAll('train.py', 'src/fit.py'));
    write(dir, 'params.yaml', paramsYaml);
    const { code } = await add(dir, 'workflow', 'dvc');
    expect(code).toBe(0);
    expect(read(dir, '.github/workflows/dvc.yml')).toContain('run: dvc repro\n');
    expect(read(dir, 'params.yaml')).toBe(paramsYaml);
  });

  it('refuses --dvc-deps and --dvc-outs, which describe a stage add would write, before writing', async () => {
    const dir = pipelineRepo();
    await expect(add(dir, 'workflow', 'dvc', '--dvc-outs', 'model.pkl')).rejects.toThrow(
      '--dvc-deps and --dvc-outs describe the stage add writes, but dvc.yaml has a pipeline of its own, which add keeps: declare deps and outs in its stages instead.',
    );
    expect(() => read(dir, '.github/workflows/dvc.yml')).toThrow();
  });

  it('writes the stage again where the dvc.yaml is one an earlier add wrote', async () => {
    const dir = tempDir();
    write(dir, 'train.py', moduleLevel);
    write(dir, 'requirements.txt', lockedRequirements);
    expect((await add(dir, 'workflow', 'dvc', '--dvc-outs', 'model.pkl')).code).toBe(0);
    expect(read(dir, 'dvc.yaml')).toContain('      - model.pkl\n');
    const again = await add(dir, 'workflow', 'dvc', '--dvc-outs', 'models');
    expect(again.out).not.toContain('dvc.yaml is kept as it is');
    expect(read(dir, 'dvc.yaml')).toContain('      - models\n');
  });
});
