import type { Param } from '@ml-cicd/config';
import { describe, expect, it } from 'vitest';
import { stageParams } from './script-pipeline.js';

const integer = (fallback: number): Param => ({
  type: 'integer',
  default: fallback,
  description: 'n',
});
const text = (fallback: string): Param => ({ type: 'string', default: fallback, description: 't' });

describe("the DVC stage of a team's script", () => {
  it('passes a flag with its value, a positional argument bare, and leaves a counted flag out', () => {
    const params = {
      epochs: integer(3),
      verbose: integer(0),
      data_dir: text('data'),
      run_name: text('baseline'),
    };
    const call = {
      required: ['data_dir'],
      passing: { verbose: 'count', data_dir: 'positional', run_name: 'when-set' } as const,
    };
    expect(stageParams(params, call)).toEqual({
      passed: [
        ['epochs', '--epochs ${epochs}'],
        ['data_dir', '"${data_dir}"'],
        ['run_name', '"--run_name=${run_name}"'],
      ],
      leftOut: ['verbose'],
    });
  });
});
