/**
 * `pnpm release`, as a maintainer runs it: in a clone of the repository's HEAD, a changeset bumps
 * the four packages, `changeset version` and `pnpm template:build` make the release commit, and
 * scripts/release.mjs publishes to a registry of the test's own, tags the clone and refreshes a
 * local bare template repository. Users then get the new version from the registry with npm.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, runOk } from '../src/exec.js';
import { npmEnv, userShellEnv, writeUserConfig } from '../src/npm-env.js';
import { outsideTempDir, removeTempDir, repoRoot } from '../src/paths.js';
import { step } from '../src/progress.js';
import { startRegistry, type Registry } from '../src/registry.js';
import { installVerdaccio } from '../src/verdaccio-install.js';

const publicPackages = ['@ml-cicd/config', '@ml-cicd/core', 'ml-cicd', 'create-ml-cicd'];
const identity = {
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.com',
};

let work: string;
let clone: string;
let templateRemote: string;
let registry: Registry;
let env: NodeJS.ProcessEnv;
let version: string;

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...userShellEnv(), ...identity },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** pnpm as the maintainer runs it in the clone: the registry and git identity of the test. */
function pnpm(...args: string[]) {
  return run('pnpm', args, { cwd: clone, env: { ...env, ...identity } });
}

beforeAll(async () => {
  work = await outsideTempDir('release');
  registry = await step('Start a registry for the release test', async () =>
    startRegistry(await installVerdaccio(), join(work, 'verdaccio')),
  );
  const session = { registry: registry.url, home: work };
  await writeUserConfig(session, registry.token);
  env = npmEnv(session);
  clone = join(work, 'repository');
  templateRemote = join(work, 'template.git');
  await step('Clone the repository and install it from the pnpm store', async () => {
    git(work, 'clone', '--quiet', repoRoot, clone);
    git(work, 'init', '--quiet', '--bare', templateRemote);
    await runOk(
      'pnpm',
      ['install', '--frozen-lockfile', '--prefer-offline', '--ignore-scripts', '--reporter=silent'],
      { cwd: clone, env },
    );
  });
}, 5 * 60_000);

afterAll(async () => {
  await registry?.stop();
  await removeTempDir(work);
});

describe('pnpm release', () => {
  it('refuses a tree with uncommitted changes, in one sentence', async () => {
    await writeFile(
      join(clone, '.changeset', 'release-test.md'),
      "---\n'create-ml-cicd': minor\n---\n\nA release made by the release test.\n",
    );
    const result = await pnpm('release', '--registry', registry.url);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^✖ The working tree has uncommitted changes [^\n]*\.$/);
  });

  it('bumps the four packages together with changeset version', async () => {
    await step('changeset version, template:build and the release commit', async () => {
      for (const args of [['exec', 'changeset', 'version'], ['template:build']]) {
        const result = await pnpm(...args);
        expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
      }
      git(clone, 'add', '--all');
      git(clone, 'commit', '--quiet', '--message', 'Release');
    });
    const versions = await Promise.all(
      ['config', 'core', 'cli', 'create-ml-cicd'].map(async (dir) => {
        const file = join(clone, 'packages', dir, 'package.json');
        return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
      }),
    );
    version = versions[0]!;
    expect(new Set(versions).size).toBe(1);
    expect(version).toMatch(/^\d+\.\d+\.0$/);
    const changelog = await readFile(
      join(clone, 'packages', 'create-ml-cicd', 'CHANGELOG.md'),
      'utf8',
    );
    expect(changelog).toContain('A release made by the release test.');
  });

  it('publishes, tags and refreshes the template repository', async () => {
    const result = await step(`pnpm release ${version}`, () =>
      pnpm('release', '--registry', registry.url, '--template-remote', templateRemote),
    );
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toContain(registry.token);
    for (const name of publicPackages) {
      const { stdout } = await runOk('npm', ['view', `${name}@${version}`, 'version'], {
        cwd: work,
        env,
      });
      expect(stdout.trim(), name).toBe(version);
    }
    const tags = git(clone, 'tag', '--list').split('\n');
    const head = git(clone, 'rev-parse', 'HEAD');
    expect(tags).toEqual(
      expect.arrayContaining([
        ...publicPackages.map((name) => `${name}@${version}`),
        'report-action-v1.0.0',
        'report-action-v1',
      ]),
    );
    expect(git(clone, 'rev-parse', 'report-action-v1^{commit}')).toBe(head);
    expect(git(templateRemote, 'log', '-1', '--format=%s', 'main')).toBe(
      `ml-cicd template ${version}`,
    );
  });

  it('publishes nothing twice when run again', async () => {
    const result = await pnpm('release', '--registry', registry.url);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    for (const name of publicPackages) {
      expect(result.stdout).toContain(`✔ ${name}@${version} is in the registry already.`);
    }
  });

  it('serves the release to users: npm create, the ml-cicd bin and the typed libraries', async () => {
    const user = join(work, 'user');
    await runOk('mkdir', ['-p', user], { cwd: work });
    await runOk(
      'npm',
      ['create', `ml-cicd@${version}`, 'demo', '--', '--yes', '--no-git', '--no-install'],
      { cwd: user, env },
    );
    const manifest = await readFile(join(user, 'demo', 'ml-cicd.yaml'), 'utf8');
    expect(manifest).toContain('version: 1');
    await runOk('npm', ['init', '-y'], { cwd: user, env });
    await runOk('npm', ['install', `ml-cicd@${version}`, `@ml-cicd/core@${version}`], {
      cwd: user,
      env,
    });
    const { stdout } = await runOk('npx', ['ml-cicd', '--version'], { cwd: user, env });
    expect(stdout.trim()).toBe(version);
    const core = await runOk(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const core = await import('@ml-cicd/core'); console.log(typeof core.lockKey)",
      ],
      { cwd: user, env },
    );
    expect(core.stdout.trim()).toBe('function');
    const installed = JSON.parse(
      await readFile(join(user, 'node_modules', '@ml-cicd', 'core', 'package.json'), 'utf8'),
    ) as { exports: Record<string, { types: string }>; dependencies: Record<string, string> };
    expect(installed.exports['.']!.types).toBe('./dist/index.d.ts');
    expect(installed.dependencies['@ml-cicd/config']).toBe(version);
    await readFile(join(user, 'node_modules', '@ml-cicd', 'core', 'dist', 'index.d.ts'), 'utf8');
  });
});
