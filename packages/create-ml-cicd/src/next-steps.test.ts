import { describe, expect, it } from 'vitest';
import { cdPath, createCommand, detectPackageManager, nextSteps } from './next-steps.js';

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
    const steps = nextSteps({ cdPath: 'my project', installed: false, windows: true, pm: 'npm' });
    expect(steps.slice(0, 3)).toEqual([
      'cd "my project"',
      'py -m venv .venv',
      '.venv\\Scripts\\activate',
    ]);
  });

  it('skips the install steps after --install', () => {
    const steps = nextSteps({ cdPath: '.', installed: true, windows: false, pm: 'npm' });
    expect(steps).not.toContain('pip install --require-hashes -r requirements-dev.txt');
    expect(steps[0]).toBe('. .venv/bin/activate');
  });
});
