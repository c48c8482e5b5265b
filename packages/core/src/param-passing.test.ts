import type { MlCicdConfig, Param } from '@ml-cicd/config';
import { describe, expect, it } from 'vitest';
import type { Passing, ScriptCall } from './model.js';
import { literalArgs, paramLine } from './param-passing.js';

const param = (type: Param['type'], fallback: Param['default'], nargs?: '+'): Param => ({
  type,
  default: fallback,
  description: 'd',
  ...(nargs ? { nargs } : {}),
});

function passed(name: string, p: Param, passing?: Passing, overrides = false) {
  const config = {
    params: { [name]: p },
    ...(overrides ? { train: { 'params-as': 'overrides' } } : {}),
  } as unknown as MlCicdConfig;
  const call: ScriptCall = { passing: passing ? { [name]: passing } : {}, required: [] };
  return {
    line: paramLine(config, name, call),
    literal: (value: string | number | boolean) => literalArgs(config, name, call, value),
  };
}

describe('how a param reaches the script', () => {
  it('passes a value as --name=value, or name=value for a Hydra app', () => {
    const flag = passed('lr', param('number', 0.1));
    expect(flag.line).toBe('--lr=${{ inputs.lr }}');
    expect(flag.literal(0.5)).toEqual(['--lr=0.5']);
    const key = passed('lr', param('number', 0.1), undefined, true);
    expect(key.line).toBe('lr=${{ inputs.lr }}');
    expect(key.literal(0.5)).toEqual(['lr=0.5']);
  });

  it('leaves a value passed only when set out when it is empty', () => {
    const name = passed('run_name', param('string', ''), 'when-set');
    expect(name.line).toBe(
      "${{ inputs.run_name != '' && format('--run_name={0}', inputs.run_name) || '' }}",
    );
    expect(name.literal('')).toEqual([]);
    expect(name.literal('a')).toEqual(['--run_name=a']);
  });

  it('passes a switch, a negatable flag and a boolean text after what ticking does', () => {
    const shuffle = passed('no-shuffle', param('boolean', false), 'switch');
    expect(shuffle.line).toBe("${{ inputs.no-shuffle && '--no-shuffle' || '' }}");
    expect([shuffle.literal(true), shuffle.literal(false)]).toEqual([['--no-shuffle'], []]);
    const amp = passed('amp', param('boolean', true), 'negatable');
    expect(amp.line).toBe("${{ inputs.amp && '--amp' || '--no-amp' }}");
    expect(amp.literal(false)).toEqual(['--no-amp']);
    const words = passed('cuda', param('boolean', true), { true: 'yes', false: 'no' });
    expect(words.line).toBe("${{ inputs.cuda && '--cuda=yes' || '--cuda=no' }}");
    expect(words.literal(false)).toEqual(['--cuda=no']);
  });

  it('repeats a counted flag and passes a positional argument bare', () => {
    const verbose = passed('verbose', param('integer', 0), 'count');
    expect(verbose.line.split('\n')).toHaveLength(5);
    expect(verbose.line.split('\n')[1]).toBe("${{ inputs.verbose >= 2 && '--verbose' || '' }}");
    expect(verbose.literal(2)).toEqual(['--verbose', '--verbose']);
    const data = passed('data_dir', param('string', 'data'), 'positional');
    expect(data.line).toBe('${{ inputs.data_dir }}');
    expect(data.literal('data')).toEqual(['data']);
  });

  it("passes a list's values after its flag, or alone when it is positional", () => {
    const alphas = passed('alphas', param('string', '0.1 1', '+'));
    expect(alphas.line).toBe(
      "${{ inputs.alphas != '' && format('--alphas {0}', inputs.alphas) || '' }}",
    );
    expect(alphas.literal('0.1 1')).toEqual(['--alphas', '0.1', '1']);
    expect(alphas.literal('')).toEqual([]);
    const files = passed('files', param('string', 'a.csv b.csv', '+'), 'positional');
    expect(files.line).toBe('${{ inputs.files }}');
    expect(files.literal('a.csv b.csv')).toEqual(['a.csv', 'b.csv']);
  });
});
