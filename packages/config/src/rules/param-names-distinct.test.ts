import { describe, expect, it } from 'vitest';
import { breakExample, exampleYaml, printed, subjectOf } from '../../test/example.js';
import { loadConfig } from '../validate.js';
import { paramNamesDistinct } from './param-names-distinct.js';

const param = (name: string) =>
  `  ${name}:\n    type: integer\n    default: 8\n    description: Batch size.\n`;

describe('param-names-distinct', () => {
  it('passes the example', () => {
    expect(paramNamesDistinct.check(subjectOf(exampleYaml))).toEqual([]);
  });

  it('accepts names as scripts spell their flags: underscores and capitals', () => {
    const text = breakExample('params:\n', `params:\n${param('batch_size')}${param('manualSeed')}`);
    expect(loadConfig(text).findings).toEqual([]);
  });

  it('reports two names that differ only in case, which GitHub reads as one input', () => {
    const text = breakExample('params:\n', `params:\n${param('batchSize')}${param('batchsize')}`);
    expect(loadConfig(text).findings.map((f) => [f.rule, f.severity])).toEqual([
      ['param-names-distinct', 'error'],
    ]);
    expect(printed(text)).toEqual([
      expect.stringMatching(
        /^ml-cicd\.yaml:\d+:\d+: params\.batchsize and params\.batchSize differ only in case, which GitHub reads as one input; keep one of them\.$/,
      ),
    ]);
  });

  it("reports a param named after train.yml's extra-args input", () => {
    const text = breakExample('params:\n', `params:\n${param('Extra-Args')}`);
    expect(printed(text)).toEqual([
      expect.stringContaining(
        "params.Extra-Args has the name of train.yml's extra-args input; rename the param, or pass the flag in the extra-args input.",
      ),
    ]);
  });

  it('is turned off by rules: {param-names-distinct: off}', () => {
    const text = `${breakExample('params:\n', `params:\n${param('lr')}${param('LR')}`)}rules: {param-names-distinct: off}\n`;
    expect(printed(text)).toEqual([]);
  });
});
