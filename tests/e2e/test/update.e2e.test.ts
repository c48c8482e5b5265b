/**
 * `ml-cicd update`, as a user meets it: a project made with one release of create-ml-cicd from
 * the registry, edited and committed, then brought up to the next release. Both releases are
 * built from a copy of the sources (the second with a template change), packed and published to
 * the local registry; the update gets both from there with npm, as it would from npmjs.com.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, runOk, type RunResult } from '../src/exec.js';
import { npmEnv, writeUserConfig } from '../src/npm-env.js';
import { publish } from '../src/pack.js';
import { outsideTempDir, removeTempDir, repoRoot } from '../src/paths.js';
import { step } from '../src/progress.js';
import { startRegistry, type Registry } from '../src/registry.js';
import { buildRelease, copySources } from '../src/release-copy.js';
import { installVerdaccio } from '../src/verdaccio-install.js';

const cli = join(repoRoot, 'packages', 'cli', 'dist', 'index.js');
const [v1, v2] = ['0.90.0', '0.91.0'];
const updateBranch = 'ml-cicd-update';

const actionPath = '.github/actions/train/action.yml';
const checksPath = '.github/workflows/checks.yml';
const userStep = '    - name: Set up Python, as our team likes it';
const templateStep = '    - name: Set up the Python of ml-cicd.yaml';
const addedParam = [
  '  learning-rate:',
  '    type: number',
  '    default: 0.1',
  '    description: Step size of the optimiser.',
].join('\n');

let work: string;
let registry: Registry;
let env: NodeJS.ProcessEnv;

/** Replaces the first line matching `pattern` in `file`, failing when there is none. */
async function replaceLine(file: string, pattern: RegExp, line: string): Promise<void> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const index = lines.findIndex((candidate) => pattern.test(candidate));
  if (index < 0) throw new Error(`No line of ${file} matches ${pattern}.`);
  lines[index] = line;
  await writeFile(file, lines.join('\n'));
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Test User', '-c', 'user.email=test@example.com', ...args],
    { cwd, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function update(cwd: string, ...args: string[]): Promise<RunResult> {
  return run(process.execPath, [cli, 'update', ...args], { cwd, env });
}

async function tree(dir: string): Promise<string> {
  return git(dir, 'status', '--porcelain', '--untracked-files=all');
}

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run pnpm --filter ml-cicd build.`);
  work = await outsideTempDir('update');
  // A registry of its own: the releases published here must not become other tests' latest.
  registry = await step('Start a registry for the update test', async () =>
    startRegistry(await installVerdaccio(), join(work, 'verdaccio')),
  );
  const session = { registry: registry.url, home: work };
  await writeUserConfig(session, registry.token);
  env = npmEnv(session);
  const sources = join(work, 'sources');
  await step('Copy the sources of create-ml-cicd', () => copySources(sources));
  const first = await step(`Build create-ml-cicd ${v1}`, () =>
    buildRelease(sources, v1, work, env),
  );
  await publish(first.create.tarball, work, env);
  await publish(first.cli.tarball, work, env);
  // The template change of the next release: a step renamed in the train action and in the
  // checks workflow, a file added, one changed (that the user deletes) and one dropped.
  await step(`Build create-ml-cicd ${v2} with a template change`, async () => {
    await replaceLine(
      join(sources, 'workflows/actions/train/action.yml'),
      /- name: Set up Python$/,
      templateStep,
    );
    await replaceLine(
      join(sources, 'workflows/checks.yml'),
      /- name: Lint$/,
      '      - name: Lint with ruff',
    );
    await writeFile(
      join(sources, 'templates/base/CONTRIBUTING.md'),
      '# Contributing\n\nRun the tests with pytest.\n',
    );
    const testData = join(sources, 'templates/base/tests/test_data.py');
    await writeFile(
      testData,
      `${await readFile(testData, 'utf8')}\n# Checked by the data tests.\n`,
    );
    await rm(join(sources, 'templates/base/tests/test_settings.py'));
    const second = await buildRelease(sources, v2, work, env);
    await publish(second.create.tarball, work, env);
    await publish(second.cli.tarball, work, env);
  });
}, 5 * 60_000);

afterAll(async () => {
  await registry?.stop();
  await removeTempDir(work);
});

describe(`ml-cicd update from create-ml-cicd ${v1} to ${v2}`, () => {
  let project: string;

  beforeAll(async () => {
    await step(`npm create ml-cicd@${v1}, then a user's edits, committed`, async () => {
      await runOk('npm', ['create', `ml-cicd@${v1}`, 'demo', '--', '--yes', '--no-git'], {
        cwd: work,
        env,
      });
      project = join(work, 'demo');
      git(project, 'init', '--quiet');
      git(project, 'add', '--all');
      git(project, 'commit', '--quiet', '-m', 'Initial commit');
      await replaceLine(join(project, actionPath), /- name: Set up Python$/, userStep);
      const config = join(project, 'ml-cicd.yaml');
      const text = await readFile(config, 'utf8');
      await writeFile(config, text.replace(/^metrics:/m, `${addedParam}\nmetrics:`));
      await rm(join(project, 'tests/test_data.py'));
      git(project, 'add', '--all');
      git(project, 'commit', '--quiet', '-m', 'Our edits');
    });
  });

  it('--check says a newer template exists, as JSON, and exits 1', async () => {
    const result = await update(project, '--check', '--json');
    expect(result.code, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ current: v1, latest: v2, updateAvailable: true });
  });

  it('refuses an update to this ml-cicd, older than the project, naming what to run', async () => {
    const result = await update(project);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `This project was made with ml-cicd ${v1}, newer than this ml-cicd (0.1.0): run npx ml-cicd@latest update, or pass --to <version>.`,
    );
  });

  it('--dry-run prints every outcome and writes nothing', async () => {
    const result = await update(project, '--to', v2, '--dry-run', '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      files: { path: string; outcome: string }[];
      conflicts: string[];
    };
    const changed = report.files.filter((file) => file.outcome !== 'unchanged');
    expect(changed).toEqual([
      { path: actionPath, outcome: 'conflict' },
      { path: checksPath, outcome: 'updated' },
      { path: 'CONTRIBUTING.md', outcome: 'added' },
      { path: 'ml-cicd.yaml', outcome: 'merged' },
      { path: 'tests/test_data.py', outcome: 'kept-deleted' },
      { path: 'tests/test_settings.py', outcome: 'removed' },
    ]);
    expect(report.conflicts).toEqual([actionPath]);
    expect(await tree(project)).toBe('');
  });

  it('refuses to run on a tree with uncommitted changes', async () => {
    await writeFile(join(project, 'notes.txt'), 'draft\n');
    const result = await update(project, '--to', v2);
    await rm(join(project, 'notes.txt'));
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "The git tree has uncommitted changes (notes.txt): commit or stash them first, so the update's changes are yours to review and undo on their own.",
    );
    expect(await tree(project)).toBe('');
  });

  it('--conflicts rej leaves the conflicting file as it is and writes the change beside it', async () => {
    const copy = join(work, 'demo-rej');
    await cp(project, copy, { recursive: true });
    const result = await update(copy, '--to', v2, '--conflicts', 'rej');
    expect(result.code, result.stderr).toBe(1);
    expect(await readFile(join(copy, actionPath), 'utf8')).toBe(
      await readFile(join(project, actionPath), 'utf8'),
    );
    const reject = await readFile(join(copy, `${actionPath}.rej`), 'utf8');
    expect(reject).toContain(`--- a/${actionPath}\n+++ b/${actionPath}\n`);
    expect(reject).toContain('\n-    - name: Set up Python\n');
    expect(reject).toContain(`\n+${templateStep}\n`);
    expect(result.stdout).toContain(`apply the change in ${actionPath}.rej by hand`);
  });

  describe(`ml-cicd update --to ${v2}`, () => {
    let result: RunResult;
    const read = (path: string) => readFile(join(project, path), 'utf8');

    beforeAll(async () => {
      result = await step(`ml-cicd update --to ${v2}`, () => update(project, '--to', v2));
    });

    it('exits 1 and lists the one conflict', () => {
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toContain(`  conflict      ${actionPath} (markers in the file)\n`);
      expect(result.stdout).toContain(
        `1 conflict to resolve: keep the lines you want between the <<<<<<< and >>>>>>> markers in ${actionPath}, delete the markers, run ml-cicd validate, then commit.`,
      );
    });

    it('marks the conflict with both sides', async () => {
      expect(await read(actionPath)).toContain(
        `<<<<<<< yours\n${userStep}\n=======\n${templateStep}\n>>>>>>> ml-cicd ${v2}\n`,
      );
    });

    it('applies the template changes to the files the user never touched', async () => {
      expect(await read(checksPath)).toContain('      - name: Lint with ruff\n');
      expect(await read('CONTRIBUTING.md')).toBe('# Contributing\n\nRun the tests with pytest.\n');
      expect(existsSync(join(project, 'tests/test_settings.py'))).toBe(false);
    });

    it("keeps the user's edits: the added param merged with the new schema version, the deleted file gone", async () => {
      const config = await read('ml-cicd.yaml');
      expect(config).toContain(`${addedParam}\nmetrics:`);
      expect(config).toContain(`@ml-cicd/config@${v2}/schema.json`);
      expect(existsSync(join(project, 'tests/test_data.py'))).toBe(false);
    });

    it(`records ${v2} in the manifest`, async () => {
      const manifest = JSON.parse(await read('.ml-cicd/manifest.json')) as {
        generator: { version: string };
      };
      expect(manifest.generator.version).toBe(v2);
    });

    it('ml-cicd validate fails on the leftover conflict markers', async () => {
      const validate = await run(process.execPath, [cli, 'validate', '--format', 'json'], {
        cwd: project,
        env,
      });
      expect(validate.code).toBe(1);
      expect(validate.stdout).toContain('conflict-markers');
    });

    it('a second run changes nothing, before and after the user commits', async () => {
      const before = await tree(project);
      const again = await update(project, '--to', v2);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout.trim()).toBe(`Already at ml-cicd ${v2}: nothing to update.`);
      expect(await tree(project)).toBe(before);
      git(project, 'add', '--all');
      git(project, 'commit', '--quiet', '-m', 'Update to the new template');
      const third = await update(project, '--to', v2);
      expect(third.code, third.stderr).toBe(0);
      expect(await tree(project)).toBe('');
    });

    it('--check now says the project is up to date', async () => {
      const check = await update(project, '--check', '--json');
      expect(check.code, check.stderr).toBe(0);
      expect(JSON.parse(check.stdout)).toEqual({ current: v2, latest: v2, updateAvailable: false });
    });
  });
});

/**
 * `--update-check pr`: the three jobs' scripts, run with bash as the runner runs them, in order,
 * each in a fresh clone as actions/checkout leaves it: against the registry of this test, a bare
 * repository as origin, and a `gh` stand-in that logs its calls (GitHub's API is not reachable).
 */
describe(`the update pull request workflow of a project made with ${v1}`, () => {
  const ghStandIn = '#!/bin/sh\nprintf \'%s\\n\' "$*" >> "$GH_LOG"\n';
  const token = 'ghs_app-token-for-the-test';
  let origin: string;
  let steps: Record<string, { run?: string }[]>;
  let temp: string;

  /** Runs one step's script in a fresh clone of origin; returns what it wrote to GITHUB_OUTPUT. */
  async function runStep(job: string, index: number, extraEnv: NodeJS.ProcessEnv) {
    const checkout = await mkdtemp(join(temp, `${job}-`));
    git(temp, 'clone', '--quiet', origin, checkout);
    const output = join(checkout, '..', `${job}-output`);
    await writeFile(output, '');
    const script = steps[job]![index]!.run!;
    const result = await run('bash', ['-c', script], {
      cwd: checkout,
      env: {
        ...env,
        ...extraEnv,
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: output,
        GH_LOG: join(temp, 'gh.log'),
        PATH: `${join(temp, 'bin')}:${env.PATH ?? ''}`,
      },
    });
    const outputs = Object.fromEntries(
      (await readFile(output, 'utf8'))
        .split('\n')
        .filter(Boolean)
        // As the runner reads it: the name ends at the first =, and a value may hold more.
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    return { ...result, outputs, checkout };
  }

  beforeAll(async () => {
    temp = await mkdtemp(join(work, 'update-pr-'));
    await runOk(
      'npm',
      ['create', `ml-cicd@${v1}`, 'pr-demo', '--', '--yes', '--no-git', '--update-check', 'pr'],
      {
        cwd: temp,
        env,
      },
    );
    const project = join(temp, 'pr-demo');
    git(project, 'init', '--quiet', '--initial-branch', 'main');
    git(project, 'add', '--all');
    git(project, 'commit', '--quiet', '-m', 'Initial commit');
    origin = join(temp, 'origin.git');
    git(temp, 'clone', '--quiet', '--bare', project, origin);
    const workflow = parse(
      await readFile(join(project, '.github/workflows/update-check.yml'), 'utf8'),
    ) as {
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    steps = Object.fromEntries(Object.entries(workflow.jobs).map(([id, job]) => [id, job.steps]));
    await mkdir(join(temp, 'bin'));
    await writeFile(join(temp, 'bin', 'gh'), ghStandIn, { mode: 0o755 });
  });

  it('finds the newer release, updates in a read-only job and opens a pull request with its commit', async () => {
    const registryUrl = registry.url.replace(/\/$/, '');
    const check = await runStep('check', 1, { REGISTRY: registryUrl });
    expect(check.code, check.stderr).toBe(0);
    expect(check.outputs).toEqual({ latest: v2, integrity: expect.stringMatching(/^sha512-/) });
    const { integrity } = check.outputs as { integrity: string };

    // The update runs only the tarball whose sha512 is the integrity the registry published.
    const tampered = await runStep('update', 1, {
      LATEST: v2,
      INTEGRITY: `sha512-${'A'.repeat(86)}==`,
      REGISTRY: registryUrl,
    });
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(
      `The ml-cicd ${v2} tarball is not the one the registry published`,
    );

    const update = await runStep('update', 1, {
      LATEST: v2,
      INTEGRITY: integrity,
      REGISTRY: registryUrl,
    });
    expect(update.code, `${update.stdout}${update.stderr}`).toBe(0);
    expect(update.outputs).toEqual({ changed: 'true' });
    const patch = await readFile(join(temp, 'ml-cicd-update.patch'), 'utf8');
    expect(patch).toContain(`+    - name: Set up the Python of ml-cicd.yaml`);

    // download-artifact puts the patch in $RUNNER_TEMP/patch.
    await mkdir(join(temp, 'patch'));
    await cp(join(temp, 'ml-cicd-update.patch'), join(temp, 'patch', 'ml-cicd-update.patch'));
    const pullRequest = await runStep('pull-request', 3, {
      LATEST: v2,
      INTEGRITY: integrity,
      GH_TOKEN: token,
    });
    expect(pullRequest.code, pullRequest.stderr).toBe(0);
    expect(git(origin, 'log', '--format=%s', '-1', updateBranch).trim()).toBe(
      `ml-cicd update to ${v2}`,
    );
    const manifest = git(origin, 'show', `${updateBranch}:.ml-cicd/manifest.json`);
    expect(JSON.parse(manifest).generator.version).toBe(v2);
    const calls = (await readFile(join(temp, 'gh.log'), 'utf8')).trim().split('\n');
    expect(calls[0]).toMatch(new RegExp(`^pr list --head ${updateBranch} --state open `));
    expect(calls[1]).toMatch(
      new RegExp(
        `^pr create --head ${updateBranch} --title ml-cicd update: ${v2.replaceAll('.', '\\.')} --body-file `,
      ),
    );
    // Over HTTPS git asks the helper the step set up, which answers with the App token.
    const fill = spawnSync('git', ['credential', 'fill'], {
      cwd: pullRequest.checkout,
      input: 'protocol=https\nhost=github.com\n\n',
      env: { ...env, GH_TOKEN: token, GIT_TERMINAL_PROMPT: '0' },
      encoding: 'utf8',
    });
    expect(fill.stdout).toContain(`username=x-access-token\npassword=${token}\n`);
    for (const text of [pullRequest.stdout, pullRequest.stderr, calls.join('\n')]) {
      expect(text).not.toContain(token);
    }
  });
});
