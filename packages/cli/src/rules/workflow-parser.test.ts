import { describe, expect, it } from 'vitest';
import { validateProject } from '../validate/validate-project.js';
import { at, edit, printed, project, turnOff, write } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';

describe('workflow-parser', () => {
  it("reports what GitHub's parser rejects, where it is", async () => {
    const dir = await project();
    edit(dir, train, '    timeout-minutes: 60\n', '    timeout-minutes: 60\n    timeout: 60\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'timeout:')}: error [workflow-parser] Unexpected value 'timeout'.`,
    ]);
  });

  it('checks the inputs of a call to a local reusable workflow', async () => {
    const dir = await project();
    const ci = '.github/workflows/ci.yml';
    edit(dir, ci, '      timeout-minutes: 30\n', '      timeout-minutes: 30\n      gpu: true\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, ci, 'true\n')}: error [workflow-parser] Invalid input, gpu is not defined in the referenced workflow.`,
    ]);
  });

  it('notes, and does not report, a remote reusable workflow it cannot read offline', async () => {
    const dir = await project();
    const ci = '.github/workflows/ci.yml';
    const remote = `octo-org/workflows/.github/workflows/lint.yml@${'c'.repeat(40)} # v1.0.0`;
    edit(dir, ci, 'uses: ./.github/workflows/checks.yml', `uses: ${remote}`);
    const report = await validateProject(dir);
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(report.notes).toContain(
      `octo-org/workflows/.github/workflows/lint.yml@${'c'.repeat(40)} is a remote reusable workflow: its inputs and secrets were not checked (validate works offline).`,
    );
  });

  it('reports bad YAML once, as a YAML finding, never a crash', async () => {
    const dir = await project();
    write(dir, '.github/workflows/broken.yml', 'on: [push\njobs: {}\n');
    expect(await printed(dir)).toEqual([
      '.github/workflows/broken.yml:2:1: error [yaml] invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ].',
    ]);
  });

  it('is turned off by rules: {workflow-parser: off}', async () => {
    const dir = await project();
    edit(dir, train, '    timeout-minutes: 60\n', '    timeout-minutes: 60\n    timeout: 60\n');
    turnOff(dir, 'workflow-parser');
    expect(await printed(dir)).toEqual([]);
  });
});
