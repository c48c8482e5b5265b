import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, read, turnOff } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';
const rule = 'error [params-match-workflow-inputs]';
const seedInput =
  '      seed:\n        description: Seed for every random source.\n        type: number\n        required: false\n        default: 42\n';

describe('params-match-workflow-inputs', () => {
  it('reports an input whose default is not the param default, at the default', async () => {
    const dir = await project();
    edit(dir, train, '        default: 8\n', '        default: 9\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, '9\n')}: ${rule} input "max-depth" defaults to "9", but params.max-depth.default is 8; run ml-cicd sync to write ml-cicd.yaml's params and gates into ${train}, or change the default there.`,
    ]);
  });

  it('reports an input of the wrong type, at the type', async () => {
    const dir = await project();
    edit(
      dir,
      train,
      '        type: number\n        required: false\n        default: 0.25\n',
      '        type: string\n        required: false\n        default: "0.25"\n',
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'string')}: ${rule} input "test-size" has type string, but params.test-size is number, which needs type number; run ml-cicd sync to write ml-cicd.yaml's params and gates into ${train}.`,
    ]);
  });

  it('reports options that are not the choices, at the options', async () => {
    const dir = await project();
    edit(dir, train, '          - log_loss\n', '');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, '- gini')}: ${rule} input "criterion" offers ["gini", "entropy"], but params.criterion.choices are ["gini", "entropy", "log_loss"]; run ml-cicd sync to write ml-cicd.yaml's params and gates into ${train}, or change the choices there.`,
    ]);
  });

  it('reports another description as a warning', async () => {
    const dir = await project();
    edit(dir, train, 'Seed for every random source.', 'The seed.');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'The seed.')}: warning [params-match-workflow-inputs] input "seed" is described as "The seed.", but params.seed.description is "Seed for every random source."; run ml-cicd sync to write ml-cicd.yaml's params and gates into ${train}.`,
    ]);
  });

  it('reports a param that is not an input, at the param in ml-cicd.yaml', async () => {
    const dir = await project();
    edit(dir, train, seedInput, '');
    edit(dir, train, '            --seed=${{ inputs.seed }}\n', '');
    expect(await printed(dir)).toEqual([
      `${at(dir, 'ml-cicd.yaml', 'seed:')}: ${rule} params.seed is not a workflow_dispatch input of ${train}; run ml-cicd sync to write ml-cicd.yaml's params and gates into ${train} (it adds the input "seed", type number, default 42).`,
    ]);
  });

  it('reports an input that is not a param, at the input', async () => {
    const dir = await project();
    edit(dir, train, seedInput, `${seedInput}${seedInput.replace('seed:', 'verbose:')}`);
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'verbose:')}: ${rule} input "verbose" of ${train} is not in the params of ml-cicd.yaml; add params.verbose there, or run ml-cicd sync to write ml-cicd.yaml's params and gates into ${train} (it removes the input).`,
    ]);
  });

  it("accepts train.yml's extra-args input, which is no param", async () => {
    const dir = await project();
    expect(read(dir, train)).toContain('      extra-args:\n');
    expect(await printed(dir)).toEqual([]);
  });

  it('is turned off by rules: {params-match-workflow-inputs: off}', async () => {
    const dir = await project();
    edit(dir, train, '        default: 8\n', '        default: 9\n');
    turnOff(dir, 'params-match-workflow-inputs');
    expect(await printed(dir)).toEqual([]);
  });
});
