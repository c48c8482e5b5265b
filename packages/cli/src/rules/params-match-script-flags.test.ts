import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@ml-cicd/core';
import { afterEach, describe, expect, it } from 'vitest';
import { validateProject } from '../validate/validate-project.js';
import { parseDocument } from 'yaml';
import { at, edit, printed, project, read, tempDir, turnOff, write } from '../../test/fixtures.js';
import { dynamicFlags, missingDependency } from '../../test/scripts.js';

const matching = `import argparse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n-estimators", type=int, default=100)
    parser.add_argument("--max-depth", type=int, default=8)
    parser.add_argument("--criterion", choices=["gini", "entropy", "log_loss"], default="gini")
    parser.add_argument("--test-size", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=42)
    parser.parse_args()


if __name__ == "__main__":
    main()
`;

const rule = '[params-match-script-flags]';

/** The findings of this rule, printed: the other rules' follow ml-cicd.yaml after a sync. */
const ours = async (dir: string) => (await printed(dir)).filter((line) => line.includes(rule));

async function withScript(source = matching): Promise<string> {
  const dir = await project();
  write(dir, 'train.py', source);
  return dir;
}

describe('params-match-script-flags', () => {
  it('accepts a script whose flags are the params, and says how it read them', async () => {
    const dir = await withScript();
    const report = await validateProject(dir);
    expect(report.findings.filter((f) => f.rule === 'params-match-script-flags')).toEqual([]);
    expect(report.notes).toEqual([
      expect.stringMatching(
        /^Compared the params with the flags of train\.py, read statically from its source with python3 \(Python 3\.\d+\.\d+\), without running it\.$/,
      ),
    ]);
  });

  it('says a generated project builds its flags from ml-cicd.yaml, when they cannot be read', async () => {
    const dir = await withScript(dynamicFlags);
    const report = await validateProject(dir);
    expect(report.findings.filter((f) => f.rule === 'params-match-script-flags')).toEqual([]);
    expect(report.notes).toEqual([
      'The params were not compared with the flags of train.py: the generated project builds them from the params of ml-cicd.yaml when it runs (the add_argument call at train.py:6), so a param needs no code; pass --import with --python naming an interpreter that has its requirements to compare them anyway.',
    ]);
  });

  it('reports a flag whose default is not the param default, at the add_argument call', async () => {
    const dir = await withScript(matching.replace('default=8)', 'default=6)'));
    expect(await printed(dir)).toEqual([
      `${at(dir, 'train.py', 'parser.add_argument("--max-depth"')}: error ${rule} train.py's --max-depth defaults to 6, but params.max-depth.default is 8; make them equal, then run ml-cicd sync so the workflows follow ml-cicd.yaml.`,
    ]);
  });

  it('reports a flag of another type', async () => {
    const dir = await withScript(
      matching.replace('"--max-depth", type=int', '"--max-depth", type=float'),
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, 'train.py', 'parser.add_argument("--max-depth"')}: error ${rule} train.py's --max-depth is read as a number, but params.max-depth is integer; make it number, then run ml-cicd sync so the workflows follow ml-cicd.yaml.`,
    ]);
  });

  it('reports choices that are not the param choices', async () => {
    const dir = await withScript(matching.replace(', "log_loss"]', ']'));
    expect(await printed(dir)).toEqual([
      `${at(dir, 'train.py', 'parser.add_argument("--criterion"')}: error ${rule} train.py's --criterion accepts ["gini", "entropy"], but params.criterion.choices are ["gini", "entropy", "log_loss"]; make them equal, then run ml-cicd sync so the workflows follow ml-cicd.yaml.`,
    ]);
  });

  it("in a repository of the team's, says to add the flag with argparse", async () => {
    const dir = await withScript(
      matching.replace('    parser.add_argument("--seed", type=int, default=42)\n', ''),
    );
    rmSync(join(dir, '.ml-cicd'), { recursive: true });
    expect(await printed(dir)).toEqual([
      `${at(dir, 'ml-cicd.yaml', 'seed:')}: error ${rule} params.seed is not a flag of train.py; add parser.add_argument("--seed", ...) to it or remove the param, then run ml-cicd sync so the workflows follow ml-cicd.yaml.`,
    ]);
  });

  it('reports a param with no flag, at the param in ml-cicd.yaml', async () => {
    const dir = await withScript(
      matching.replace('    parser.add_argument("--seed", type=int, default=42)\n', ''),
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, 'ml-cicd.yaml', 'seed:')}: error ${rule} params.seed is not a flag of train.py, though the generated project builds its flags from the params of ml-cicd.yaml when it runs: undo the edit that stopped it (git diff shows it), or remove the param; then run ml-cicd sync so the workflows follow ml-cicd.yaml.`,
    ]);
  });

  it('reports a flag with no param as information (the team may leave it out), or an error when it is required', async () => {
    const extra =
      '    parser.add_argument("--batch_size", type=int, default=8)\n    parser.add_argument("--data", required=True)\n';
    const dir = await withScript(
      matching.replace('    parser.parse_args()\n', `${extra}    parser.parse_args()\n`),
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, 'train.py', 'parser.add_argument("--data"')}: error ${rule} train.py's --data is required but is not in the params of ml-cicd.yaml, so a Train workflow run cannot pass it; add params.data and run ml-cicd sync, or give the flag a default.`,
    ]);
    const report = await validateProject(dir);
    expect(
      report.findings.filter((finding) => finding.rule === 'params-match-script-flags'),
    ).toMatchObject([
      {
        severity: 'info',
        message:
          "train.py's --batch_size is not in the params of ml-cicd.yaml, so it keeps its default unless a run passes it; add params.batch_size and run ml-cicd sync to make it an input, or type it in the extra-args input.",
      },
      { severity: 'error' },
    ]);
  });

  it('gives advice that is valid when followed: the param it names passes the schema and the check', async () => {
    const extra = '    parser.add_argument("--batchSize", type=int, default=8)\n';
    const dir = await withScript(
      matching.replace('    parser.parse_args()\n', `${extra}    parser.parse_args()\n`),
    );
    const config = readFileSync(join(dir, 'ml-cicd.yaml'), 'utf8');
    write(
      dir,
      'ml-cicd.yaml',
      config.replace(
        'params:\n',
        'params:\n  batchSize:\n    type: integer\n    default: 8\n    description: Batch size.\n',
      ),
    );
    const report = await validateProject(dir);
    expect(
      report.findings.filter((finding) => finding.message.includes('batchSize')),
    ).toMatchObject([{ rule: 'params-match-workflow-inputs' }]);
  });

  it('with --import, reads the flags statically when a dependency is missing, and says so', async () => {
    const dir = await withScript(missingDependency(matching.replace('default=8)', 'default=6)')));
    const report = await validateProject(dir, { import: true });
    expect(report.notes).toEqual([
      expect.stringMatching(
        /read statically with python3 \(Python [\d.]+\), because importing it failed: ModuleNotFoundError: No module named 'not_installed_pkg' \(train\.py:1\)\.$/,
      ),
    ]);
    expect(await printed(dir, { import: true })).toEqual([
      `${at(dir, 'train.py', 'parser.add_argument("--max-depth"')}: error ${rule} train.py's --max-depth defaults to 6, but params.max-depth.default is 8; make them equal, then run ml-cicd sync so the workflows follow ml-cicd.yaml.`,
    ]);
  });

  describe('without Python', () => {
    const path = process.env.PATH;
    afterEach(() => {
      process.env.PATH = path;
    });

    it('skips the comparison with a note, which is not a finding', async () => {
      const dir = await withScript(matching.replace('default=8)', 'default=6)'));
      const empty = tempDir();
      mkdirSync(`${empty}/bin`);
      process.env.PATH = `${empty}/bin`;
      const report = await validateProject(dir);
      expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(report.notes).toEqual([
        'Python was not found (tried python3, python): the params were not compared with the flags of train.py.',
      ]);
    });

    it('fails with one sentence when --python names no interpreter', async () => {
      const dir = await withScript();
      await expect(validateProject(dir, { python: '/nowhere/python' })).rejects.toThrow(
        new UserError(
          '--python /nowhere/python could not be run; pass the path of a Python interpreter.',
        ),
      );
    });
  });

  describe('a Hydra app', () => {
    const app = `import hydra


@hydra.main(version_base=None, config_path="conf", config_name="config")
def train(cfg):
    print(cfg.seed)


if __name__ == "__main__":
    train()
`;
    const config = `n-estimators: 100
max-depth: 8
criterion: gini
test-size: 0.25
seed: 42
data:
  samples: 500
`;

    /** The params of the fixture, its choice made the string a Hydra key is, and `params-as`. */
    async function hydraProject(paramsAs?: string): Promise<string> {
      const dir = await withScript(app);
      rmSync(join(dir, '.ml-cicd'), { recursive: true });
      write(dir, 'conf/config.yaml', config);
      const doc = parseDocument(read(dir, 'ml-cicd.yaml'));
      doc.setIn(['params', 'criterion'], {
        type: 'string',
        default: 'gini',
        description: 'The split criterion.',
      });
      if (paramsAs) doc.setIn(['train', 'params-as'], paramsAs);
      write(dir, 'ml-cicd.yaml', doc.toString());
      return dir;
    }

    const findings = async (dir: string) =>
      (await validateProject(dir)).findings.filter((f) => f.rule === 'params-match-script-flags');

    it('compares the params with the top-level keys of its config, passed as overrides', async () => {
      const dir = await hydraProject('overrides');
      const report = await validateProject(dir);
      expect(report.findings.filter((f) => f.rule === 'params-match-script-flags')).toEqual([]);
      expect(report.notes).toContainEqual(
        expect.stringMatching(
          /^Compared the params with the top-level keys of conf\/config\.yaml, the Hydra config of train\.py, read statically with python3 \(Python 3\.\d+\.\d+\), without running it\.$/,
        ),
      );
    });

    it('reports params passed as flags, which Hydra refuses', async () => {
      const dir = await hydraProject();
      expect(await findings(dir)).toMatchObject([
        {
          file: 'ml-cicd.yaml',
          message:
            'train.py is a Hydra app whose settings are the keys of conf/config.yaml, but ml-cicd.yaml passes its params as flags (--name=value), which Hydra refuses; set train.params-as: overrides (name=value), then run ml-cicd sync.',
        },
      ]);
      const flags = await hydraProject('flags');
      expect(await ours(flags)).toEqual([
        `${at(flags, 'ml-cicd.yaml', 'params-as')}: error ${rule} train.py is a Hydra app whose settings are the keys of conf/config.yaml, but ml-cicd.yaml passes its params as flags (--name=value), which Hydra refuses; set train.params-as: overrides (name=value), then run ml-cicd sync.`,
      ]);
    });

    it('reports a default that is not the config value, at the key in the config', async () => {
      const dir = await hydraProject('overrides');
      edit(dir, 'conf/config.yaml', 'seed: 42', 'seed: 7');
      edit(dir, 'conf/config.yaml', 'test-size: 0.25\n', '');
      expect(await ours(dir)).toEqual([
        `conf/config.yaml:4:1: error ${rule} conf/config.yaml's seed defaults to 7, but params.seed.default is 42; make them equal, then run ml-cicd sync so the workflows follow ml-cicd.yaml.`,
        `${at(dir, 'ml-cicd.yaml', 'test-size:')}: error ${rule} params.test-size is not a top-level key of conf/config.yaml with a plain value; add test-size: <default> to it or remove the param (a nested key is set in the extra-args input, e.g. test-size.key=value), then run ml-cicd sync so the workflows follow ml-cicd.yaml.`,
      ]);
    });

    it('reports overrides for a script that reads argparse flags', async () => {
      const dir = await withScript();
      const doc = parseDocument(read(dir, 'ml-cicd.yaml'));
      doc.setIn(['train', 'params-as'], 'overrides');
      write(dir, 'ml-cicd.yaml', doc.toString());
      expect(await ours(dir)).toEqual([
        `${at(dir, 'ml-cicd.yaml', 'params-as')}: error ${rule} train.params-as is overrides (name=value), but train.py reads argparse flags, which need --name=value; remove train.params-as, then run ml-cicd sync.`,
      ]);
    });
  });

  describe('a flag of several values', () => {
    const script = matching.replace(
      '    parser.parse_args()\n',
      '    parser.add_argument("--alphas", type=float, nargs="+", default=[0.1, 1.0])\n    parser.parse_args()\n',
    );

    async function withAlphas(param: string): Promise<string> {
      const dir = await withScript(script);
      rmSync(join(dir, '.ml-cicd'), { recursive: true });
      edit(dir, 'ml-cicd.yaml', 'params:\n', `params:\n  alphas:\n${param}`);
      return dir;
    }

    it('is a list param, its default the values separated by spaces or empty', async () => {
      for (const value of ['0.1 1', '"0.1  1.0"', '""']) {
        const dir = await withAlphas(
          `    type: string\n    default: ${value}\n    nargs: "+"\n    description: Alphas.\n`,
        );
        expect(await ours(dir), value).toEqual([]);
      }
    });

    it('reports a list param without nargs, nargs on a flag of one value, and another default', async () => {
      const without = await withAlphas(
        '    type: string\n    default: 0.1 1\n    description: Alphas.\n',
      );
      expect(await ours(without)).toEqual([
        `${at(without, 'train.py', 'parser.add_argument("--alphas"')}: error ${rule} train.py's --alphas takes several values (nargs="+"), but params.alphas has no nargs, so a run would pass them as one argument; set params.alphas.nargs: '+', then run ml-cicd sync so the workflows follow ml-cicd.yaml.`,
      ]);
      const other = await withAlphas(
        '    type: string\n    default: "0.5"\n    nargs: "+"\n    description: Alphas.\n',
      );
      expect(await ours(other)).toEqual([
        `${at(other, 'train.py', 'parser.add_argument("--alphas"')}: error ${rule} train.py's --alphas defaults to "0.1 1", but params.alphas.default is "0.5"; make them equal, then run ml-cicd sync so the workflows follow ml-cicd.yaml.`,
      ]);
      const single = await withAlphas(
        '    type: string\n    default: 0.1 1\n    nargs: "+"\n    description: Alphas.\n',
      );
      edit(single, 'train.py', 'type=float, nargs="+", ', '');
      expect(await ours(single)).toEqual([
        `${at(single, 'train.py', 'parser.add_argument("--alphas"')}: error ${rule} train.py's --alphas takes one value, but params.alphas.nargs is '+', so a run would pass each word as an argument of its own; remove params.alphas.nargs, then run ml-cicd sync so the workflows follow ml-cicd.yaml.`,
      ]);
    });
  });

  it('is turned off by rules: {params-match-script-flags: off}', async () => {
    const dir = await withScript(matching.replace('default=8)', 'default=6)'));
    turnOff(dir, 'params-match-script-flags');
    expect(await printed(dir)).toEqual([]);
  });
});
