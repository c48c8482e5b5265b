/**
 * `ml-cicd add workflow test` in a repository as teams have them: its notes say what checks.yml
 * will do with it, and the steps of the checks.yml it writes, run with bash on stand-ins for ruff,
 * pytest and dvc, follow the team's ruff settings, never lint the vendored action, pull the data
 * DVC tracks, and take "no tests collected" for what it is.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { add, read, tempDir, write } from './fixtures.js';
import { lockedRequirements, moduleLevel } from './scripts.js';

const lockedDev = `ruff==0.17.6 \\\n    --hash=sha256:${'0'.repeat(64)}\npytest==9.0.0 \\\n    --hash=sha256:${'1'.repeat(64)}\n`;

describe('the notes of add workflow test', () => {
  it('refuses a repository without requirements-dev.txt, writing nothing', async () => {
    const dir = tempDir();
    write(dir, 'train.py', moduleLevel);
    write(dir, 'requirements.txt', lockedRequirements);
    await expect(add(dir, 'workflow', 'test')).rejects.toThrow('requirements-dev.txt is missing');
    expect(() => read(dir, '.github/workflows/checks.yml')).toThrow();
  });

  it('say what checks.yml does in a repository without ruff settings, tests or locked tools', async () => {
    const dir = tempDir();
    write(dir, 'train.py', moduleLevel);
    write(dir, 'requirements.txt', lockedRequirements);
    write(dir, 'data/raw.csv.dvc', 'outs:\n- md5: 0\n  path: raw.csv\n');
    write(dir, 'requirements-dev.txt', lockedRequirements);
    const { code, out } = await add(dir, 'workflow', 'test');
    expect(code).toBe(0);
    expect(out).toContain(
      'note: The repository has no ruff settings (ruff.toml, or [tool.ruff] in pyproject.toml): checks.yml lints it only for syntax errors and undefined names, and leaves its formatting alone; add settings to have it linted and its formatting checked your way.\n',
    );
    expect(out).toContain(
      'note: No tests were found (test_*.py or *_test.py): pytest collects none, which checks.yml reports as a notice, not a failure, until you add some.\n',
    );
    expect(out).toContain(
      'note: The repository tracks data with DVC (data/raw.csv.dvc): checks.yml runs dvc pull for it before the tests, without credentials (the job holds no secrets), so only a remote anyone may read can serve it.\n',
    );
    expect(out).toContain(
      "note: requirements-dev.txt, which checks.yml installs with --require-hashes, must hold ruff, pytest, dvc, and whatever the tests and the training script import: list them in requirements-dev.in (with -r requirements.in for the script's own), then run: uv pip compile --universal --generate-hashes --python-version 3.10 requirements-dev.in -o requirements-dev.txt\n",
    );
  });

  it('say nothing of what the repository already has', async () => {
    const dir = tempDir();
    write(dir, 'train.py', moduleLevel);
    write(dir, 'requirements.txt', lockedRequirements);
    write(dir, 'pyproject.toml', '[tool.ruff.lint]\nselect = ["E", "F"]\n');
    write(dir, 'tests/test_train.py', 'def test_nothing():\n    pass\n');
    write(dir, 'requirements-dev.txt', lockedDev);
    const { out } = await add(dir, 'workflow', 'test');
    expect(out).not.toMatch(/ruff settings|No tests were found|tracks data with DVC|must hold/);
  });
});

interface Step {
  name: string;
  id?: string;
  if?: string;
  run?: string;
  env?: Record<string, string>;
}

/** A folder of stand-ins that log their arguments to calls.log and exit as the test says. */
function standIns(exits: Record<string, number>): string {
  const bin = mkdtempSync(join(tmpdir(), 'checks-bin '));
  for (const tool of ['ruff', 'python', 'dvc']) {
    const path = join(bin, tool);
    writeFileSync(
      path,
      `#!/bin/sh\necho "${tool} $*" >> "${join(bin, 'calls.log')}"\nexit ${exits[tool] ?? 0}\n`,
    );
    chmodSync(path, 0o755);
  }
  return bin;
}

/** Runs one step of the checks job as the runner does: bash -e -o pipefail, in the repository. */
function runStep(dir: string, bin: string, step: Step, outputs: Record<string, string>) {
  const output = join(bin, 'output');
  writeFileSync(output, '');
  const env = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([name, value]) => [
      name,
      value.replace(
        /\$\{\{ steps\.ruff\.outputs\.(\w+) \}\}/,
        (_, key: string) => outputs[key] ?? '',
      ),
    ]),
  );
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      PATH: `${bin}${delimiter}${process.env.PATH}`,
      GITHUB_OUTPUT: output,
    },
  });
  for (const line of readFileSync(output, 'utf8').split('\n').filter(Boolean)) {
    const [key, value] = line.split('=');
    outputs[key!] = value!;
  }
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** The checks job of the repository's checks.yml, from the ruff settings to the tests. */
function checksSteps(dir: string): Record<string, Step> {
  const workflow = parse(read(dir, '.github/workflows/checks.yml')) as {
    jobs: { checks: { steps: Step[] } };
  };
  return Object.fromEntries(workflow.jobs.checks.steps.map((step) => [step.name, step]));
}

async function addedRepository(files: Record<string, string>): Promise<string> {
  const dir = tempDir();
  write(dir, 'train.py', moduleLevel);
  write(dir, 'requirements.txt', lockedRequirements);
  write(dir, 'requirements-dev.txt', lockedDev);
  for (const [path, content] of Object.entries(files)) write(dir, path, content);
  expect((await add(dir, 'workflow', 'test')).code).toBe(0);
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  return dir;
}

describe('the checks.yml add workflow test writes, run step by step', () => {
  it('lints a repository without ruff settings only for errors, skipping .github and formatting', async () => {
    const dir = await addedRepository({});
    const steps = checksSteps(dir);
    const bin = standIns({});
    const outputs: Record<string, string> = {};
    const settings = runStep(dir, bin, steps["Look for the repository's ruff settings"]!, outputs);
    expect(settings.out).toContain('::notice::No ruff settings');
    expect(outputs.configured).toBe('false');
    expect(runStep(dir, bin, steps.Lint!, outputs).code).toBe(0);
    expect(steps['Check formatting']!.if).toBe("steps.ruff.outputs.configured == 'true'");
    expect(read(bin, 'calls.log')).toBe(
      'ruff check --output-format=github --extend-exclude .github --select E9,F63,F7,F82 .\n',
    );
  });

  it("lints and checks formatting by the team's settings, never the vendored action", async () => {
    const dir = await addedRepository({
      'pyproject.toml': '[tool.ruff]\nline-length = 120\n',
      'src/model.py': 'x = 1\n',
    });
    const steps = checksSteps(dir);
    const bin = standIns({});
    const outputs: Record<string, string> = {};
    runStep(dir, bin, steps["Look for the repository's ruff settings"]!, outputs);
    expect(outputs.configured).toBe('true');
    expect(runStep(dir, bin, steps.Lint!, outputs).code).toBe(0);
    expect(runStep(dir, bin, steps['Check formatting']!, outputs).code).toBe(0);
    const calls = read(bin, 'calls.log').split('\n');
    expect(calls[0]).toBe('ruff check --output-format=github --extend-exclude .github .');
    expect(calls[1]).toMatch(/^ruff format --check --force-exclude -- /);
    const targets = calls[1]!.split(' -- ')[1]!.split(' ');
    expect(targets).toEqual(expect.arrayContaining(['train.py', 'src']));
    // ruff formats any file it is given: YAML and requirements files are never given to it.
    for (const notPython of ['.github', 'ml-cicd.yaml', 'requirements.txt', 'pyproject.toml']) {
      expect(targets).not.toContain(notPython);
    }
  });

  it('takes pytest exit 5 as no tests, with a notice, and fails on failing tests', async () => {
    const dir = await addedRepository({});
    const steps = checksSteps(dir);
    const none = runStep(dir, standIns({ python: 5 }), steps.Test!, {});
    expect(none.code).toBe(0);
    expect(none.out).toContain('::notice::pytest collected no tests');
    expect(runStep(dir, standIns({ python: 1 }), steps.Test!, {}).code).toBe(1);
  });

  it('pulls the data the *.dvc files track before the tests, and only that', async () => {
    const dir = await addedRepository({ 'data/raw.csv.dvc': 'outs:\n- md5: 0\n  path: raw.csv\n' });
    const steps = checksSteps(dir);
    const names = Object.keys(steps);
    expect(names.indexOf('Pull the data DVC tracks')).toBeLessThan(names.indexOf('Test'));
    const bin = standIns({});
    expect(runStep(dir, bin, steps['Pull the data DVC tracks']!, {}).code).toBe(0);
    expect(read(bin, 'calls.log')).toBe('dvc pull data/raw.csv.dvc\n');
    const failing = runStep(dir, standIns({ dvc: 1 }), steps['Pull the data DVC tracks']!, {});
    expect(failing.code).toBe(0);
    expect(failing.out).toContain('::warning::dvc pull failed');
  });
});
