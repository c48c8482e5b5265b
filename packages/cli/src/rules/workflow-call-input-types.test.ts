import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const checks = '.github/workflows/checks.yml';
const typed = '        type: string\n        required: true\n';

describe('workflow-call-input-types', () => {
  it('reports a choice input of a reusable workflow, instead of the parser', async () => {
    const dir = await project();
    edit(dir, checks, typed, '        type: choice\n        required: true\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, checks, 'choice')}: error [workflow-call-input-types] workflow_call input "python-version" has type choice, but a reusable workflow's inputs can only be string, number or boolean; use string and check the value in the job.`,
    ]);
  });

  it("leaves GitHub's parser to report it when the rule is off", async () => {
    const dir = await project();
    edit(dir, checks, typed, '        type: choice\n        required: true\n');
    turnOff(dir, 'workflow-call-input-types');
    expect(await printed(dir)).toEqual([
      `${at(dir, checks, 'choice')}: error [workflow-parser] Unexpected value 'choice'.`,
    ]);
  });
});
