/**
 * Installs and training run for the default project and for each option alone: created with
 * npm create outside the repo, a venv, pip --require-hashes, pytest, ruff, then a training run.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MlCicdConfig } from '@ml-cicd/config';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createProject, type CreateJson } from '../src/create.js';
import { outsideTempDir, removeTempDir } from '../src/paths.js';
import { filesOnDisk, readConfig } from '../src/project-files.js';
import { step } from '../src/progress.js';
import { inVenv, setUpVenv } from '../src/python.js';
import { variants } from '../src/variants.js';

const { session } = inject('e2e');
/** Every value differs from the default, so a flag that is ignored shows in params.json. */
const trainFlags = { criterion: 'entropy', 'max-depth': 3, 'n-estimators': 50, seed: 7 };

let cwd: string;
beforeAll(async () => {
  cwd = await outsideTempDir('projects');
});
afterAll(() => removeTempDir(cwd));

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

describe.each(variants())('the $id project', ({ id, flags }) => {
  const folder = `${id}-project`;
  let dir: string;
  let created: CreateJson;
  let config: MlCicdConfig;
  let written: string[];
  const venv = (command: string, args: string[]) =>
    step(`${id}: ${[command, ...args].join(' ')}`, () => inVenv(dir, command, args));

  beforeAll(async () => {
    created = await step(`${id}: npm create ml-cicd@latest ${[folder, ...flags].join(' ')}`, () =>
      createProject(session, cwd, folder, flags),
    );
    dir = join(cwd, folder);
    written = await filesOnDisk(dir);
    config = await readConfig(dir);
    await step(`${id}: python3 -m venv .venv, pip install --require-hashes`, () => setUpVenv(dir));
  });

  it('has the feature it was created with, and exactly the files it reports', () => {
    if (id !== 'default') expect(created.features).toContain(id);
    expect(written).toEqual(created.files.map((file) => file.path).sort());
  });

  it('passes its own tests', async () => {
    const { stdout } = await venv('pytest', ['-q']);
    expect(stdout).toMatch(/\d+ passed/);
  });

  it('is ruff-clean, checks and formatting', async () => {
    await venv('ruff', ['check', '.']);
    await venv('ruff', ['format', '--check', '.']);
  });

  it('passes the vendored ml-cicd validate action as CI runs it, reading train.py by import', async () => {
    // checks.yml runs the action right after installing requirements-dev.txt, as here, with
    // `import: true`.
    const { stdout } = await venv('env', [
      'INPUT_IMPORT=true',
      'node',
      '.github/actions/ml-cicd/index.mjs',
    ]);
    expect(stdout).toMatch(
      /^note: Compared the params with the flags of train\.py, read by importing it/m,
    );
    expect(stdout).toMatch(/^No findings\.$/m);
  });

  it('lists every parameter of ml-cicd.yaml in train.py --help', async () => {
    const { stdout } = await venv('python', ['train.py', '--help']);
    for (const name of Object.keys(config.params)) expect(stdout).toContain(`--${name}`);
  });

  it('trains with non-default flags, meets its gates and records what it was given', async () => {
    for (const name of Object.keys(trainFlags)) expect(Object.keys(config.params)).toContain(name);
    const args = Object.entries(trainFlags).flatMap(([name, value]) => [
      `--${name}`,
      String(value),
    ]);
    await venv('python', ['train.py', ...args]);

    const metrics = (await readJson(join(dir, config.metrics.file))) as Record<string, unknown>;
    expect(Object.values(metrics).every((value) => typeof value === 'number')).toBe(true);
    for (const gate of config.metrics.gates) {
      const value = metrics[gate.metric] as number;
      if (gate.min !== undefined) expect(value, gate.metric).toBeGreaterThanOrEqual(gate.min);
      if (gate.max !== undefined) expect(value, gate.metric).toBeLessThanOrEqual(gate.max);
    }
    expect(config.metrics.gates.map((gate) => gate.metric)).toContain('accuracy');

    const outputs = join(dir, config.outputs.dir);
    const params = (await readJson(join(outputs, 'params.json'))) as Record<string, unknown>;
    const recorded = Object.fromEntries(
      Object.entries(params).map(([name, value]) => [name.replaceAll('_', '-'), value]),
    );
    expect(recorded).toMatchObject(trainFlags);
    expect(existsSync(join(outputs, 'model.joblib'))).toBe(true);
  });
});
