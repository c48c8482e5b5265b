import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectInstallCommand } from '@ml-cicd/core';
import {
  cdPath,
  createCommand,
  detectPackageManager,
  mlCicdCommand,
  nextSteps,
  type NextStepsInput,
} from './next-steps.js';

const defaults: NextStepsInput = {
  cdPath: 'my-project',
  installed: false,
  windows: false,
  pm: 'npm',
  features: ['base', 'runner-hosted', 'release', 'report'],
  settings: true,
  mlCicd: 'npx ml-cicd@0.1.0',
};

describe('next steps', () => {
  it.each([
    ['pnpm/10.34.8 npm/? node/v20.20.2', 'pnpm'],
    ['yarn/4.5.0 npm/? node/v20.20.2', 'yarn'],
    ['bun/1.2.0 npm/? node/v20.20.2', 'bun'],
    ['npm/11.6.0 node/v20.20.2', 'npm'],
    [undefined, 'npm'],
  ])('detects %s as %s', (agent, pm) => {
    expect(detectPackageManager(agent)).toBe(pm);
  });

  it('spells each create command', () => {
    expect(createCommand('npm', 'x', {})).toBe('npm create ml-cicd@latest x');
    expect(createCommand('yarn', 'x', {})).toBe('yarn create ml-cicd x');
    expect(createCommand('bun', 'x', {})).toBe('bun create ml-cicd x');
  });

  it('runs the same tarball again when this run came from one (the packages not on npm yet)', () => {
    const env = { npm_config_package: '/tmp/ml cicd/create-ml-cicd-0.1.0.tgz' };
    expect(createCommand('npm', 'x', env)).toBe(
      'npx --package "/tmp/ml cicd/create-ml-cicd-0.1.0.tgz" create-ml-cicd x',
    );
    expect(createCommand('npm', 'x', { npm_config_package: 'create-ml-cicd@latest' })).toBe(
      'npm create ml-cicd@latest x',
    );
  });

  it.each([
    ['/home/ana', '/home/ana/my-project', 'my-project'],
    ['/home/ana/my-project', '/home/ana/my-project', '.'],
    ['/home/ana/work/repo', '/tmp/demo/my-project', '/tmp/demo/my-project'],
  ])('from %s, cds into %s as %s', (cwd, dir, path) => {
    expect(cdPath(cwd, dir)).toBe(path);
  });

  it('uses Windows activation and quotes a folder with spaces', () => {
    const steps = nextSteps({ ...defaults, cdPath: 'my project', windows: true });
    expect(steps.slice(0, 3)).toEqual([
      'cd "my project"',
      'py -m venv .venv',
      '.venv\\Scripts\\activate',
    ]);
  });

  it('skips the install steps after --install', () => {
    const steps = nextSteps({ ...defaults, cdPath: '.', installed: true });
    expect(steps).not.toContain('pip install --require-hashes -r requirements-dev.txt');
    expect(steps).not.toContain(projectInstallCommand);
    expect(steps[0]).toBe('. .venv/bin/activate');
  });

  it('installs the project, editable, after the hashed requirements and before pytest', () => {
    const steps = nextSteps(defaults);
    const pip = steps.indexOf('pip install --require-hashes -r requirements-dev.txt');
    expect(pip).toBeGreaterThan(0);
    expect(steps[pip + 1]).toBe('uv pip install --offline --no-build-isolation --no-deps -e .');
    expect(steps[pip + 2]).toBe('pytest');
  });

  it("trains first with a criterion the task's estimator takes", () => {
    const first = (input: NextStepsInput) =>
      nextSteps(input).find((step) => step.startsWith('python train.py'));
    expect(first(defaults)).toBe('python train.py --criterion entropy --max-depth 3');
    expect(first({ ...defaults, task: 'multiclass' })).toBe(first(defaults));
    expect(first({ ...defaults, task: 'regression' })).toBe(
      'python train.py --criterion absolute_error --max-depth 3',
    );
  });

  it('asks for dvc repro and a committed dvc.lock before the first push of a DVC project', () => {
    const steps = nextSteps({ ...defaults, features: [...defaults.features, 'data-dvc'] });
    const push = steps.findIndex((step) => step.startsWith('push'));
    expect(steps.indexOf('dvc repro')).toBeGreaterThan(steps.indexOf('pytest'));
    expect(steps.indexOf('dvc repro')).toBeLessThan(push);
    expect(nextSteps(defaults)).not.toContain('dvc repro');
  });

  it('sets up the environments and secrets before the first push, when there are any', () => {
    const steps = nextSteps(defaults);
    const secrets = steps.findIndex((step) => step.endsWith('npx ml-cicd@0.1.0 secrets --apply'));
    expect(secrets).toBeGreaterThan(-1);
    expect(secrets).toBeLessThan(steps.findIndex((step) => step.startsWith('push')));
    expect(nextSteps({ ...defaults, settings: false }).join('\n')).not.toContain('secrets');
  });

  it('runs ml-cicd from its tarball beside the one create-ml-cicd came from, else from npm', () => {
    const packs = mkdtempSync(join(tmpdir(), 'ml-cicd-packs-'));
    const env = { npm_config_package: join(packs, 'create-ml-cicd-0.1.0.tgz') };
    expect(mlCicdCommand('0.1.0', env)).toBe('npx ml-cicd@0.1.0');
    writeFileSync(join(packs, 'ml-cicd-0.1.0.tgz'), '');
    expect(mlCicdCommand('0.1.0', env)).toBe(
      `npx --package ${join(packs, 'ml-cicd-0.1.0.tgz')} ml-cicd`,
    );
    expect(mlCicdCommand('0.1.0', {})).toBe('npx ml-cicd@0.1.0');
  });
});
