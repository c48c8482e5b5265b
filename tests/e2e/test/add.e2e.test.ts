/**
 * `npx ml-cicd add workflow dvc` in a repository of the team's own, then DVC itself: a fresh venv
 * from the hashed lock, `dvc repro` running the script with params.yaml's values, a changed
 * param re-running it, and `ml-cicd validate` clean.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createProject } from '../src/create.js';
import { runOk } from '../src/exec.js';
import { npmEnv } from '../src/npm-env.js';
import { outsideTempDir, removeTempDir } from '../src/paths.js';
import { step } from '../src/progress.js';
import { inVenv, setUpVenv } from '../src/python.js';

const { session } = inject('e2e');

/** A team's script: the standard library only, flags of each kind DVC's templating passes. */
const trainPy = `import argparse
import json
import os


def main():
    parser = argparse.ArgumentParser(description="Fit the team's model.")
    parser.add_argument("--epochs", type=int, default=3, help="passes over the data")
    parser.add_argument("--rate", type=float, default=0.5)
    parser.add_argument("--optimizer", choices=["sgd", "adam"], default="sgd")
    parser.add_argument("--note", default="first try")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    rows = [float(line) for line in open("data/raw.csv", encoding="utf-8")]
    os.makedirs("models", exist_ok=True)
    with open("models/model.json", "w", encoding="utf-8") as file:
        json.dump({"weights": [x * args.rate for x in rows], "note": args.note}, file)
    os.makedirs("outputs", exist_ok=True)
    score = args.epochs * args.rate / (2 if args.optimizer == "adam" else 1)
    with open("outputs/metrics.json", "w", encoding="utf-8") as file:
        json.dump({"score": score}, file)


if __name__ == "__main__":
    main()
`;

let cwd: string;
let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
const add = (...args: string[]) =>
  runOk('npx', ['--yes', 'ml-cicd@latest', 'add', 'workflow', ...args], {
    cwd: repo,
    env: npmEnv(session),
  });
const venv = (command: string, ...args: string[]) => inVenv(repo, command, args);
const metrics = async () =>
  JSON.parse(await readFile(join(repo, 'outputs/metrics.json'), 'utf8')) as { score: number };

beforeAll(async () => {
  cwd = await outsideTempDir('add');
  repo = join(cwd, 'team-repo');
  await step('a repository of the team: train.py, data, and a hashed lock with dvc', async () => {
    // The lock of a DVC project made by create-ml-cicd: hashed, with dvc[s3] in it.
    await createProject(session, cwd, 'donor', ['--data', 'dvc']);
    await mkdir(join(repo, 'data'), { recursive: true });
    for (const file of ['requirements.txt', 'requirements-dev.txt']) {
      await copyFile(join(cwd, 'donor', file), join(repo, file));
    }
    await writeFile(join(repo, 'train.py'), trainPy);
    await writeFile(join(repo, 'data/raw.csv'), '1\n2\n3\n');
    git('init', '--quiet');
    git('add', '--all');
    git('-c', 'user.name=Team', '-c', 'user.email=team@example.com', 'commit', '-qm', 'Ours');
  });
  await step('team-repo: python3 -m venv .venv, pip install --require-hashes', () =>
    setUpVenv(repo),
  );
});
afterAll(() => removeTempDir(cwd));

describe('npx ml-cicd add workflow dvc --dvc-deps data/raw.csv --dvc-outs models/model.json', () => {
  let out: string;

  beforeAll(async () => {
    ({ stdout: out } = await step('npx ml-cicd add workflow dvc', () =>
      add('dvc', '--dvc-deps', 'data/raw.csv', '--dvc-outs', 'models/model.json'),
    ));
  });

  it('writes the pipeline, its params and the workflow, and says what dvc repro leaves out', async () => {
    expect(out).toContain('create    dvc.yaml\n');
    expect(out).toContain('create    .github/workflows/dvc.yml\n');
    expect(out).toContain('note: dvc.yaml does not pass --verbose:');
    expect(await readFile(join(repo, 'params.yaml'), 'utf8')).toContain(
      'epochs: 3\nrate: 0.5\noptimizer: sgd\nnote: first try\nverbose: false\n',
    );
  });

  it('runs the script under dvc repro with the values of params.yaml, and records them in dvc.lock', async () => {
    await venv('dvc', 'repro');
    expect((await metrics()).score).toBe(1.5);
    const lock = await readFile(join(repo, 'dvc.lock'), 'utf8');
    // dvc.lock folds a long cmd over lines.
    expect(lock.replace(/\s+/g, ' ')).toContain(
      'python train.py --epochs 3 --rate 0.5 "--optimizer=sgd" "--note=first try"',
    );
    expect(lock).toMatch(/params:\n\s+params\.yaml:\n(\s+\S+: .+\n)+/);
    expect(lock).toContain('path: models/model.json');
    expect(lock).toContain('path: data/raw.csv');
  });

  it('runs the stage again when a param changes, and not when nothing did', async () => {
    const params = join(repo, 'params.yaml');
    const text = await readFile(params, 'utf8');
    await writeFile(params, text.replace('optimizer: sgd', 'optimizer: adam'));
    const { stdout: status } = await venv('dvc', 'status');
    expect(status).toContain('modified:');
    await venv('dvc', 'repro');
    expect((await metrics()).score).toBe(0.75);
    const { stdout: again } = await venv('dvc', 'repro');
    expect(again).toMatch(/didn't change, skipping|is cached|Data and pipelines are up to date/);
  });

  it('validates clean, and a second add changes nothing', async () => {
    // validate compares params.yaml with ml-cicd.yaml: back to the default first.
    const params = join(repo, 'params.yaml');
    await writeFile(params, (await readFile(params, 'utf8')).replace('adam', 'sgd'));
    const { stdout } = await runOk('npx', ['--yes', 'ml-cicd@latest', 'validate'], {
      cwd: repo,
      env: { ...npmEnv(session), PATH: `${join(repo, '.venv/bin')}:${process.env.PATH ?? ''}` },
    });
    expect(stdout).toMatch(/^No findings\.$/m);
    const second = await add(
      'dvc',
      '--dvc-deps',
      'data/raw.csv',
      '--dvc-outs',
      'models/model.json',
    );
    expect(second.stdout).toMatch(/Nothing changed/);
  });
});
