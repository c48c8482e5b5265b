import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';
import { useTempDirs } from './temp-dirs.js';

const tempDir = useTempDirs('create-ml-cicd init ');
const templateScript = fileURLToPath(new URL('../../../scripts/template.mjs', import.meta.url));

/** Every file below `dir` but `.git`, with its content. */
function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((path) => !path.startsWith('.git/'));
  return new Map(files.sort().map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

/** A repository made with "Use this template": the template's files, with `origin` set. */
function repositoryFromTemplate(folder: string, origin?: string): string {
  const dir = join(tempDir(), folder);
  const render = spawnSync(process.execPath, [templateScript, '--out', dir], { encoding: 'utf8' });
  expect(render.stderr).toBe('');
  spawnSync('git', ['init', '--quiet', dir]);
  if (origin) spawnSync('git', ['remote', 'add', 'origin', origin], { cwd: dir });
  return dir;
}

/** What the template's first-push workflow runs: its local action, on the runner's Node. */
function runSetupAction(dir: string) {
  return spawnSync(process.execPath, [join(dir, '.github/actions/template-setup/setup.mjs')], {
    cwd: dir,
    env: { ...process.env, GITHUB_WORKSPACE: dir, CI: 'true' },
    encoding: 'utf8',
  });
}

describe('create-ml-cicd init', () => {
  it('relies on workflows that name nothing of the project, so those of the template fit any name', () => {
    const [first, second] = ['ml-project', 'churn-model'].map((name) => {
      const dir = join(tempDir(), name);
      expect(runBin([dir, '--yes', '--no-git']).code).toBe(0);
      return tree(join(dir, '.github/workflows'));
    });
    expect(second).toEqual(first);
  });

  it('turns a repository made from the template into the project create-ml-cicd makes for its name', () => {
    const dir = repositoryFromTemplate('clone', 'https://github.com/acme/Churn-Model.git');
    const setup = runSetupAction(dir);
    expect(setup.stderr).toBe('');
    expect(setup.status).toBe(0);
    expect(setup.stdout).toContain('as churn-model');

    const direct = join(tempDir(), 'churn-model');
    expect(runBin([direct, '--yes', '--no-git']).code).toBe(0);
    const expected = tree(direct);
    const actual = tree(dir);
    // The setup workflow stays (a GITHUB_TOKEN cannot remove it); it does nothing any more.
    expect(actual.has('.github/workflows/template-setup.yml')).toBe(true);
    actual.delete('.github/workflows/template-setup.yml');
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [path, content] of expected) expect(actual.get(path), path).toBe(content);
    const manifest = JSON.parse(actual.get('.ml-cicd/manifest.json') ?? '{}');
    expect(manifest.answers.name).toBe('churn-model');
  });

  it('does nothing the second time', () => {
    const dir = repositoryFromTemplate('second-run');
    expect(runBin(['init', dir]).code).toBe(0);
    const before = tree(dir);
    const again = runBin(['init', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to do');
    expect(tree(dir)).toEqual(before);
  });

  it('names the project after the folder without a remote, or after --name', () => {
    const dir = repositoryFromTemplate('Fraud_Detector');
    const dryRun = runBin(['init', dir, '--dry-run', '--json']);
    expect(dryRun.code).toBe(0);
    const plan = JSON.parse(dryRun.stdout);
    expect(plan.answers.name).toBe('fraud-detector');
    expect(plan.removed).toContain('src/ml_project/model.py');
    expect(existsSync(join(dir, '.ml-cicd/template-setup'))).toBe(true);

    const named = runBin(['init', dir, '--name', 'risk-model']);
    expect(named.code).toBe(0);
    expect(existsSync(join(dir, 'src/risk_model/model.py'))).toBe(true);
    expect(existsSync(join(dir, 'src/ml_project'))).toBe(false);
    expect(existsSync(join(dir, '.github/actions/template-setup'))).toBe(false);
  });

  it('refuses to replace a file changed since the template, and writes nothing', () => {
    const dir = repositoryFromTemplate('edited');
    writeFileSync(join(dir, 'README.md'), '# Our own words\n');
    const before = tree(dir);
    const refused = runBin(['init', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('changed since the template');
    expect(refused.stderr).toContain('README.md');
    expect(tree(dir)).toEqual(before);

    expect(runBin(['init', dir, '--force']).code).toBe(0);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('# edited');
  });

  it('refuses a folder not made from the template, and project flags other than --name', () => {
    const empty = tempDir();
    const notTemplate = runBin(['init', empty]);
    expect(notTemplate.code).toBe(1);
    expect(notTemplate.stderr).toContain('was not made from the ml-cicd template');

    const flags = runBin(['init', empty, '--runner', 'arc']);
    expect(flags.code).toBe(2);
    expect(flags.stderr.trim()).toBe(
      'init keeps the answers the template was made with: it takes --name but not --runner.',
    );
  });
});
