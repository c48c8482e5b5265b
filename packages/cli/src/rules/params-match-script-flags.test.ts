import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@ml-cicd/core';
import { afterEach, describe, expect, it } from 'vitest';
import { validateProject } from '../validate/validate-project.js';
import { at, printed, project, tempDir, turnOff, write } from '../../test/fixtures.js';
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

  it('is turned off by rules: {params-match-script-flags: off}', async () => {
    const dir = await withScript(matching.replace('default=8)', 'default=6)'));
    turnOff(dir, 'params-match-script-flags');
    expect(await printed(dir)).toEqual([]);
  });
});
