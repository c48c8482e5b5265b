import { describe, expect, it } from 'vitest';
import { at, edit, printed, project } from '../../test/fixtures.js';
import { validateProject } from '../validate/validate-project.js';

const rule = '[public-runner-approval]';

describe('public-runner-approval', () => {
  it('warns at ml-cicd.yaml runner.kind when a public repository trains on its own runner', async () => {
    const dir = await project('self-hosted');
    const found = await printed(dir, { public: true });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      new RegExp(
        `^${at(dir, 'ml-cicd.yaml', 'self-hosted')}: warning \\[public-runner-approval\\] This public repository's workflows run jobs on runners that are not GitHub's \\(.*\\.github/workflows/train\\.yml \\(train\\).*\\), which a fork's pull request can reach`,
      ),
    );
  });

  it('is quiet once the approval is recorded on that line', async () => {
    const dir = await project('self-hosted');
    edit(
      dir,
      'ml-cicd.yaml',
      'kind: self-hosted\n',
      `kind: self-hosted # ml-cicd: ignore${rule} approval of all external contributors, set 2026-12-06\n`,
    );
    expect(await printed(dir, { public: true })).toEqual([]);
  });

  it('only notes it when the visibility is not known, and says nothing of a private one', async () => {
    const dir = await project('self-hosted');
    const report = await validateProject(dir);
    expect(report.findings.filter((f) => f.rule === 'public-runner-approval')).toEqual([]);
    expect(report.notes).toContainEqual(
      expect.stringMatching(/whether the repository is public is not known.*pass --public/),
    );
    expect(await printed(dir, { public: false })).toEqual([]);
  });

  it('leaves GitHub-hosted runners alone', async () => {
    const dir = await project();
    expect(await printed(dir, { public: true })).toEqual([]);
  });

  it('without ml-cicd.yaml, warns at the runs-on of each job on an own runner', async () => {
    const dir = await project();
    const train = '.github/workflows/train.yml';
    edit(dir, train, 'runs-on: ubuntu-24.04', 'runs-on: [self-hosted, gpu]');
    const { rmSync } = await import('node:fs');
    rmSync(`${dir}/ml-cicd.yaml`);
    const found = (await printed(dir, { public: true })).filter((line) => line.includes(rule));
    expect(found).toEqual([
      `${at(dir, train, '[self-hosted, gpu]')}: warning ${rule} job "train" runs on "self-hosted", a runner that is not GitHub's, which a fork's pull request to this public repository can reach by editing its copy of the workflows; require approval of every outside contributor's runs (ml-cicd secrets --apply sets it; or Settings → Actions → General → "Require approval for all external contributors"), then record that on this line with "# ml-cicd: ignore${rule} <how and when it was set>".`,
    ]);
  });
});
