/**
 * `add workflow` on a Hydra app and on a script with a `nargs="+"` flag: the params it writes, how
 * train.yml, report.yml and dvc.yaml pass them, that validate accepts the result, and that a param
 * the team adds by hand is passed the same way after `ml-cicd sync`.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run as runSync } from '../src/commands/sync/index.js';
import { add, assets, printed, read, tempDir, write } from './fixtures.js';
import { lockedRequirements } from './scripts.js';

const hydraApp = `import hydra


@hydra.main(version_base=None, config_path="conf", config_name="config")
def train(cfg):
    print(cfg.seed, cfg.lr, cfg.name)


if __name__ == "__main__":
    train()
`;

const hydraConfig = `seed: 0
lr: 0.01
name: null
data:
  samples: 500
`;

const listScript = `import argparse

parser = argparse.ArgumentParser()
parser.add_argument("data", nargs="?", default=None)
parser.add_argument("--alphas", type=float, nargs="+", default=[0.1, 1.0])
parser.add_argument("--layers", type=int, nargs="+", required=True)
parser.add_argument("--seed", type=int, default=0)
args = parser.parse_args()
`;

async function sync(dir: string): Promise<number> {
  const io = { out: () => {}, err: () => {}, color: false, cwd: dir };
  return runSync([], io, assets);
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

/** The `with:` of the train action's step in a workflow. */
function trainStep(dir: string, workflow: string, job = 'train'): Record<string, unknown> {
  const doc = parse(read(dir, workflow)) as { jobs: Record<string, { steps: Step[] }> };
  const step = doc.jobs[job]!.steps.find((each) => each.uses === './.github/actions/train');
  return step!.with!;
}

function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) write(dir, path, text);
  write(dir, 'requirements.txt', lockedRequirements);
  return dir;
}

describe('add workflow on a Hydra app', () => {
  it('makes the top-level keys params passed as overrides, and validate accepts it', async () => {
    const dir = project({ 'train.py': hydraApp, 'conf/config.yaml': hydraConfig });
    const result = await add(dir, 'workflow', 'train');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain(
      'train.py is a Hydra app: read 3 top-level keys of its config conf/config.yaml statically',
    );
    const config = parse(read(dir, 'ml-cicd.yaml')) as Record<string, Record<string, unknown>>;
    expect(Object.keys(config.params!)).toEqual(['seed', 'lr', 'name']);
    expect(config.train).toEqual({ 'params-as': 'overrides' });
    expect(trainStep(dir, '.github/workflows/train.yml').args).toBe(
      [
        'seed=${{ inputs.seed }}',
        'lr=${{ inputs.lr }}',
        "${{ inputs.name != '' && format('name={0}', inputs.name) || '' }}",
        '',
      ].join('\n'),
    );
    expect(await printed(dir)).toEqual([]);
  });

  it('passes a key the team adds by hand as an override after sync', async () => {
    const dir = project({ 'train.py': hydraApp, 'conf/config.yaml': hydraConfig });
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    write(dir, 'conf/config.yaml', `epochs: 3\n${hydraConfig}`);
    write(
      dir,
      'ml-cicd.yaml',
      read(dir, 'ml-cicd.yaml').replace(
        /^params:\n/m,
        'params:\n  epochs:\n    type: integer\n    default: 3\n    description: Epochs.\n',
      ),
    );
    expect(await sync(dir)).toBe(0);
    expect(trainStep(dir, '.github/workflows/train.yml').args).toMatch(
      /^epochs=\$\{\{ inputs\.epochs \}\}\nseed=/,
    );
    expect(await printed(dir)).toEqual([]);
  });

  it('says why a config it cannot find is not read, and still passes params as overrides', async () => {
    const dir = project({
      'train.py': hydraApp.replace('config_path="conf"', 'config_path=CONF'),
      'conf/config.yaml': hydraConfig,
    });
    const result = await add(dir, 'workflow', 'train');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain(
      "note: the hydra.main call at train.py:4 names no config add can read (its config_path `CONF` is not a string literal), so the config's keys are not params;",
    );
    const config = parse(read(dir, 'ml-cicd.yaml')) as Record<string, unknown>;
    expect(config.params).toEqual({});
    expect(config.train).toEqual({ 'params-as': 'overrides' });
    expect(await printed(dir)).toEqual([]);
  });

  it('passes the params of a DVC stage as overrides too', async () => {
    const dir = project({ 'train.py': hydraApp, 'conf/config.yaml': hydraConfig });
    const result = await add(dir, 'workflow', 'dvc');
    expect(result.code, result.err).toBe(0);
    const dvc = parse(read(dir, 'dvc.yaml')) as { stages: { train: { cmd: string } } };
    expect(dvc.stages.train.cmd).toBe('python train.py seed=${seed} lr=${lr}');
  });
});

describe('add workflow on a script with nargs="+" flags', () => {
  it('passes each list as the flag and its values, after the positional argument', async () => {
    const dir = project({ 'train.py': listScript });
    const result = await add(dir, 'workflow', 'train');
    expect(result.code, result.err).toBe(0);
    const config = parse(read(dir, 'ml-cicd.yaml')) as {
      params: Record<string, Record<string, unknown>>;
    };
    expect(config.params.alphas).toMatchObject({ type: 'string', default: '0.1 1', nargs: '+' });
    expect(config.params.layers).toMatchObject({ type: 'string', default: '', nargs: '+' });
    const train = trainStep(dir, '.github/workflows/train.yml');
    expect(train.args).toBe('${{ inputs.data }}\n--seed=${{ inputs.seed }}\n');
    expect(train['list-args']).toBe(
      [
        "${{ inputs.layers != '' && format('--layers {0}', inputs.layers) || '' }}",
        "${{ inputs.alphas != '' && format('--alphas {0}', inputs.alphas) || '' }}",
        '',
      ].join('\n'),
    );
    expect(await printed(dir)).toEqual([]);
  });

  it("gives report.yml the required list's default as separate arguments", async () => {
    const dir = project({ 'train.py': listScript });
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    write(
      dir,
      'ml-cicd.yaml',
      read(dir, 'ml-cicd.yaml').replace(/(layers:\n\s+type: string\n\s+default: )""/, '$1"64 32"'),
    );
    expect((await add(dir, 'workflow', 'report')).code).toBe(0);
    expect(trainStep(dir, '.github/workflows/report.yml', 'baseline').args).toBe(
      '--layers\n64\n32\n',
    );
  });
});
