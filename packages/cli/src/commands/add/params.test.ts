import { describe, expect, it } from 'vitest';
import type { ScriptFlag } from '../../argparse/index.js';
import { maxParams, paramName, type MlCicdConfig } from '@ml-cicd/config';
import { maxCount, paramLine } from '@ml-cicd/core';
import {
  freeTextPattern,
  keepRecordedParams,
  optionalNumberPattern,
  overrideTextPattern,
  scriptParams,
  type ScriptParamsReading,
} from './params.js';

const validName = new RegExp(paramName.pattern);

/** The train workflow's line of each param the reading records a passing for. */
function recordedLines(reading: ScriptParamsReading, overrides = false): Record<string, string> {
  const config = {
    params: reading.params,
    ...(overrides ? { train: { 'params-as': 'overrides' } } : {}),
  } as unknown as MlCicdConfig;
  return Object.fromEntries(
    Object.keys(reading.passing).map((name) => [name, paramLine(config, name, reading)]),
  );
}

const flag = (optionStrings: string[], fields: Partial<ScriptFlag> = {}): ScriptFlag => ({
  optionStrings,
  action: 'store',
  kind: 'str',
  default: null,
  defaultKnown: true,
  choices: null,
  required: false,
  help: null,
  ...fields,
});

describe('scriptParams', () => {
  it('keeps as many params as train.yml has inputs for, preferring a seed, a dry run and the epochs', () => {
    const flags = Array.from({ length: 30 }, (_, i) => flag([`--flag-${i}`], { default: 'x' }));
    flags.push(
      flag(['--manualSeed'], { kind: 'int', default: 1 }),
      flag(['--dry-run'], { action: 'store_true', kind: 'bool', default: false }),
      flag(['--epochs'], { kind: 'int', default: 90 }),
    );
    const reading = scriptParams(flags, 'train.py');
    expect(Object.keys(reading.params)).toHaveLength(maxParams);
    expect(Object.keys(reading.params)).toEqual(
      expect.arrayContaining(['manualSeed', 'dry-run', 'epochs']),
    );
    const leftOut = reading.skipped.map((sentence) => sentence.split(' ')[1]);
    expect(leftOut).toEqual(
      Array.from({ length: 33 - maxParams }, (_, i) => `--flag-${maxParams - 3 + i}`),
    );
    expect(reading.skipped[0]).toBe(
      `train.py's --flag-${maxParams - 3} is left out: ml-cicd.yaml holds at most ${maxParams} params (GitHub's limit of inputs, one of them extra-args), and a seed, a dry-run or small-data flag, the epochs and the script's first flags came first; it still reaches the script through the extra-args input, and listing params.flag-${maxParams - 3} in ml-cicd.yaml in place of another makes it an input.`,
    );
  });

  it('names each param after its flag as the script spells it', () => {
    const reading = scriptParams(
      [
        flag(['--batch_size'], { kind: 'int', default: 64 }),
        flag(['--model_name_or_path'], { default: 'bert-base' }),
        flag(['-b', '--batchSize'], { kind: 'int', default: 8 }),
        flag(['--manualSeed'], { kind: 'int', default: 7 }),
        flag(['--batchsize'], { kind: 'int', default: 8 }),
        flag(['--extra-args'], { default: '' }),
        flag(['--model.name'], { default: 'x' }),
      ],
      'train.py',
    );
    expect(Object.keys(reading.params)).toEqual([
      'batch_size',
      'model_name_or_path',
      'batchSize',
      'manualSeed',
    ]);
    expect(Object.keys(reading.params).every((name) => validName.test(name))).toBe(true);
    expect(reading.skipped).toEqual([
      "train.py's --batchsize is left out: GitHub reads input names without regard to case, so it would be the same input as --batchSize.",
      "train.py's --extra-args is left out: train.yml's extra-args input has that name; type it in the extra-args input.",
      `train.py's --model.name is left out: a param's name must be ${paramName.meaning}; type it in the extra-args input.`,
    ]);
  });

  it('names and labels a switch after what ticking it does, unticked by default', () => {
    const reading = scriptParams(
      [
        flag(['--augment'], { action: 'store_true', kind: 'bool', default: false }),
        flag(['-S', '--no-shuffle'], {
          action: 'store_false',
          kind: 'bool',
          default: true,
          dest: 'shuffle',
        }),
        flag(['--amp', '--no-amp'], {
          action: 'BooleanOptionalAction',
          kind: 'bool',
          default: true,
        }),
        flag(['--out']),
      ],
      'train.py',
    );
    expect(recordedLines(reading)).toEqual({
      augment: "${{ inputs.augment && '--augment' || '' }}",
      'no-shuffle': "${{ inputs.no-shuffle && '--no-shuffle' || '' }}",
      amp: "${{ inputs.amp && '--amp' || '--no-amp' }}",
      out: "${{ inputs.out != '' && format('--out={0}', inputs.out) || '' }}",
    });
    expect(reading.params['no-shuffle']).toEqual({
      type: 'boolean',
      default: false,
      description: 'Ticked, passes --no-shuffle to train.py.',
    });
    expect(reading.params.out).toEqual({
      type: 'string',
      default: '',
      description: 'The --out flag of train.py, passed only when set.',
      pattern: freeTextPattern,
    });
  });

  it('passes a number whose default is None only when its input is set, as a number', () => {
    const reading = scriptParams(
      [
        flag(['--manualSeed'], { kind: 'int', help: 'manual seed' }),
        flag(['--clip'], { kind: 'float' }),
        flag(['--level'], { kind: 'int', choices: [1, 2, 3] }),
      ],
      'train.py',
    );
    expect(reading.params.manualSeed).toEqual({
      type: 'string',
      default: '',
      description: 'manual seed (empty: not passed)',
      pattern: optionalNumberPattern.int,
    });
    expect(recordedLines(reading).manualSeed).toBe(
      "${{ inputs.manualSeed != '' && format('--manualSeed={0}', inputs.manualSeed) || '' }}",
    );
    const accepts = (name: string, value: string) =>
      new RegExp(reading.params[name]!.pattern!).test(value);
    expect(['', '42', '-1'].every((value) => accepts('manualSeed', value))).toBe(true);
    expect(['4.2', '1;id', ' 1'].some((value) => accepts('manualSeed', value))).toBe(false);
    expect(['', '0.5', '1e-3', '.5', '-2'].every((value) => accepts('clip', value))).toBe(true);
    expect(['e', '1e', '0x1'].some((value) => accepts('clip', value))).toBe(false);
    expect(reading.params.level).toMatchObject({ type: 'string', pattern: '^(1|2|3)?$' });
  });

  it('makes choices computed when the script runs free text, with a note and no Python source in the description', () => {
    const reading = scriptParams(
      [
        flag(['--arch'], {
          default: 'resnet18',
          unread: { choices: 'sorted(name for name in models.__dict__)' },
        }),
      ],
      'train.py',
    );
    expect(reading.params.arch).toEqual({
      type: 'string',
      default: 'resnet18',
      description: 'The --arch flag of train.py.',
      pattern: freeTextPattern,
    });
    expect(reading.skipped).toEqual([
      "train.py's --arch choices (sorted(name for name in models.__dict__)) cannot be read without running the script, so the param is free text and the script checks the value.",
    ]);
  });

  it('offers int choices with their default, as argparse compares them', () => {
    const reading = scriptParams(
      [flag(['--level'], { kind: 'int', choices: [1, 2, 3, 4], default: 1 })],
      'train.py',
    );
    expect(reading.params.level).toMatchObject({
      type: 'choice',
      default: '1',
      choices: ['1', '2', '3', '4'],
    });
    expect(reading.skipped).toEqual([]);
  });

  it('passes a str2bool flag as --flag=true or --flag=false, and type=bool as text or nothing', () => {
    const reading = scriptParams(
      [
        flag(['--pretrained'], {
          kind: 'bool',
          default: false,
          boolText: { true: 'true', false: 'false' },
        }),
        flag(['--buggy'], { kind: 'bool', default: true, boolText: { true: 'true', false: '' } }),
        flag(['--odd'], { kind: 'bool', default: false }),
      ],
      'train.py',
    );
    expect(reading.params.pretrained).toMatchObject({ type: 'boolean', default: false });
    expect(reading.params.buggy).toMatchObject({ type: 'boolean', default: true });
    expect(recordedLines(reading)).toEqual({
      pretrained: "${{ inputs.pretrained && '--pretrained=true' || '--pretrained=false' }}",
      buggy: "${{ inputs.buggy && '--buggy=true' || '--buggy=' }}",
    });
    expect(reading.skipped).toEqual([
      "train.py's --odd is left out: its converter makes a boolean of texts other than true and false; type it in the extra-args input.",
    ]);
  });

  it('passes a count flag as many times as its integer input says', () => {
    const reading = scriptParams(
      [flag(['-v', '--verbose'], { action: 'count', kind: 'int', default: null })],
      'train.py',
    );
    expect(reading.params.verbose).toEqual({
      type: 'integer',
      default: 0,
      min: 0,
      max: maxCount,
      description: `How many times to pass --verbose to train.py (0 to ${maxCount}).`,
    });
    const lines = recordedLines(reading).verbose!.split('\n');
    expect(lines).toHaveLength(maxCount);
    expect(lines[2]).toBe("${{ inputs.verbose >= 3 && '--verbose' || '' }}");
  });

  it('passes a positional argument as its bare value or values, and an optional one only when set', () => {
    const reading = scriptParams(
      [
        flag(['data_dir'], { required: true }),
        flag(['config'], { nargs: '?', default: null }),
        flag(['--layers'], { kind: 'int', nargs: '+', default: [64, 32] }),
        flag(['extra'], { nargs: '*', default: null }),
      ],
      'train.py',
    );
    expect(reading.required).toEqual(['data_dir']);
    expect(recordedLines(reading)).toEqual({
      data_dir: '${{ inputs.data_dir }}',
      config: '${{ inputs.config }}',
      extra: '${{ inputs.extra }}',
    });
    expect(reading.params.config).toMatchObject({ type: 'string', default: '' });
    expect(reading.params.layers).toMatchObject({ type: 'string', default: '64 32', nargs: '+' });
    expect(reading.params.extra).toMatchObject({ type: 'string', default: '', nargs: '+' });
    expect(reading.skipped).toEqual([]);
  });

  it('makes one input of mutually exclusive flags, never two that could both be ticked', () => {
    const reading = scriptParams(
      [
        flag(['--cpu'], {
          action: 'store_true',
          kind: 'bool',
          default: false,
          exclusiveGroup: 'g',
        }),
        flag(['--gpu'], {
          action: 'store_true',
          kind: 'bool',
          default: false,
          exclusiveGroup: 'g',
        }),
      ],
      'train.py',
    );
    expect(Object.keys(reading.params)).toEqual(['cpu']);
    expect(reading.skipped).toEqual([
      "train.py's --gpu is left out: it is mutually exclusive with --cpu, which is an input, and two inputs could pass both; list params.gpu in ml-cicd.yaml in place of params.cpu to pass it instead.",
    ]);
  });

  it('puts required flags first, as required inputs passed as --name=value', () => {
    const reading = scriptParams(
      [
        flag(['--epochs'], { kind: 'int', default: 10, help: 'Epochs (default %(default)s).' }),
        flag(['--data'], { required: true }),
      ],
      'train.py',
    );
    expect(Object.keys(reading.params)).toEqual(['data', 'epochs']);
    expect(reading.required).toEqual(['data']);
    expect(reading.passing).toEqual({});
    expect(reading.params.epochs?.description).toBe('Epochs (default 10).');
  });

  it('passes a flag of several values as a list param: the flag, then its values split on spaces', () => {
    const reading = scriptParams(
      [
        flag(['--alphas'], { kind: 'float', nargs: '+', default: [0.1, 1.0, 10.0] }),
        flag(['-l', '--layers'], { kind: 'int', nargs: 2, default: null, help: 'Layer sizes' }),
        flag(['--names'], { nargs: '*', default: ['a b'] }),
        flag(['--mode'], { nargs: '+', choices: ['fast', 'full'], default: ['fast'] }),
      ],
      'train.py',
    );
    expect(reading.params).toEqual({
      alphas: {
        type: 'string',
        default: '0.1 1 10',
        nargs: '+',
        description: 'The --alphas flag of train.py: values separated by spaces.',
        pattern: expect.any(String),
      },
      layers: {
        type: 'string',
        default: '',
        nargs: '+',
        description: 'Layer sizes (values separated by spaces; empty: not passed)',
        pattern: expect.any(String),
      },
      // A value with a space cannot be one of the values a space separates.
      names: {
        type: 'string',
        default: '',
        nargs: '+',
        description: 'The --names flag of train.py: values separated by spaces.',
        pattern: freeTextPattern,
      },
      mode: {
        type: 'string',
        default: 'fast',
        nargs: '+',
        description: 'The --mode flag of train.py: values separated by spaces.',
        pattern: '^ *((fast|full) +)*((fast|full))?$',
      },
    });
    // train.yml's own line passes them: the flag and the input's values.
    expect(reading.passing).toEqual({});
    const floats = new RegExp(reading.params.alphas!.pattern!);
    for (const good of ['', '0.1', '0.1 1 10', ' 1e-3  2.5 -3 ', '.5']) {
      expect(floats.test(good), good).toBe(true);
    }
    for (const bad of ['a', '0.1,1', '1;ls', '1 $(x)', '0.1\n1']) {
      expect(floats.test(bad), bad).toBe(false);
    }
    const ints = new RegExp(reading.params.layers!.pattern!);
    expect(['64 32', '-1'].every((text) => ints.test(text))).toBe(true);
    expect(['6.4', '64 x'].some((text) => ints.test(text))).toBe(false);
    // One way to match each text: a long list that fails at its end is refused at once.
    const started = performance.now();
    expect(floats.test(`${'1111111111.5 '.repeat(40)}x`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('passes the keys of a Hydra config as overrides, key=value', () => {
    const key = (name: string, fields: Partial<ScriptFlag>) =>
      flag([name], { override: true, dest: name, file: 'conf/config.yaml', ...fields });
    const reading = scriptParams(
      [
        key('seed', { kind: 'int', default: 0 }),
        key('lr', { kind: 'float', default: 0.001 }),
        key('use_gpu', {
          kind: 'bool',
          default: false,
          boolText: { true: 'true', false: 'false' },
        }),
        key('name', { default: 'baseline' }),
        key('tag', { default: null }),
        key('data_dir', { default: null, required: true }),
      ],
      'train.py',
    );
    expect(reading.params.seed).toEqual({
      type: 'integer',
      default: 0,
      description: 'The seed key of the Hydra config of train.py.',
    });
    expect(reading.params.use_gpu?.type).toBe('boolean');
    expect(reading.params.name?.pattern).toBe(overrideTextPattern);
    expect(recordedLines(reading, true)).toEqual({
      use_gpu: "${{ inputs.use_gpu && 'use_gpu=true' || 'use_gpu=false' }}",
      name: "${{ inputs.name != '' && format('name={0}', inputs.name) || '' }}",
      tag: "${{ inputs.tag != '' && format('tag={0}', inputs.tag) || '' }}",
    });
    expect(reading.passing.seed).toBeUndefined();
    expect(reading.required).toEqual(['data_dir']);
    // Hydra reads = and , in a value as more than its text.
    expect(new RegExp(overrideTextPattern).test('a=b')).toBe(false);
    expect(new RegExp(overrideTextPattern).test('a,b')).toBe(false);
    expect(reading.skipped).toEqual([]);
  });

  it('leaves out what a workflow input cannot pass, saying why', () => {
    const reading = scriptParams(
      [
        flag(['-q'], { action: 'store_true', kind: 'bool', default: false }),
        flag(['--tag'], { default: 'a;b' }),
        flag(['--mode'], { action: 'store_const' }),
        flag(['--rest'], { nargs: '...' }),
        flag(['-h', '--help'], { action: 'help' }),
      ],
      'train.py',
    );
    expect(Object.keys(reading.params)).toEqual(['mode']);
    expect(reading.skipped).toEqual([
      "train.py's -q is left out: it has no --long name, so no workflow input can pass it; type it in the extra-args input.",
      `train.py's --tag is left out: its default "a;b" has characters outside ${freeTextPattern}.`,
      `train.py's --rest is left out: it takes several values (nargs="..."), which one input cannot pass as separate arguments; type them in the extra-args input (e.g. --rest a b).`,
    ]);
  });
});

describe("keepRecordedParams: the params ml-cicd.yaml lists are the team's choice", () => {
  const flags = [
    flag(['--seed'], { kind: 'int', default: 0 }),
    flag(['--batch_size'], { kind: 'int', default: 32 }),
    flag(['--lr'], { kind: 'float', default: 0.1 }),
  ];

  it('never brings back a flag the team removed, nor drops one it kept', () => {
    const reading = scriptParams(flags, 'train.py');
    const recorded = { lr: reading.params.lr, seed: reading.params.seed };
    const notes = keepRecordedParams(reading, recorded, false, 'train.py');
    expect(Object.keys(reading.params)).toEqual(['lr', 'seed']);
    expect(notes).toEqual([
      "train.py's --batch_size is left out: the params of ml-cicd.yaml do not list it, and they are the team's choice; add params.batch_size there to make it an input.",
    ]);
  });

  it('keeps a flag the team added by hand past the limit of inputs, passed the way add passes it', () => {
    const many = Array.from({ length: maxParams + 1 }, (_, i) =>
      flag([`--f${i}`], { action: 'store_true', kind: 'bool', default: false }),
    );
    const reading = scriptParams(many, 'train.py');
    const last = `f${maxParams}`;
    expect(reading.params[last]).toBeUndefined();
    const recorded = { [last]: { type: 'boolean', default: false, description: 'Mine.' } };
    keepRecordedParams(reading, recorded, false, 'train.py');
    expect(reading.params).toEqual({ [last]: recorded[last] });
    expect(recordedLines(reading)[last]).toBe(`\${{ inputs.${last} && '--${last}' || '' }}`);
  });

  it('keeps a param of a script without argparse flags, and drops one that is no flag of a script that has them', () => {
    const none = scriptParams([], 'train.py');
    const recorded = { batch_size: { type: 'integer', default: 12, description: 'Batch.' } };
    expect(keepRecordedParams(none, recorded, false, 'train.py')).toEqual([]);
    expect(none.params).toEqual(recorded);
    const reading = scriptParams(flags, 'train.py');
    const notes = keepRecordedParams(
      reading,
      { ...recorded, gone: recorded.batch_size },
      false,
      'train.py',
    );
    expect(Object.keys(reading.params)).toEqual(['batch_size']);
    expect(notes[0]).toBe('params.gone of ml-cicd.yaml is left out: it is not a flag of train.py.');
  });

  it("keeps the team's integer for a number whose default is None, passed with the team's default", () => {
    const reading = scriptParams([flag(['--manualSeed'], { kind: 'int' })], 'train.py');
    expect(reading.params.manualSeed?.type).toBe('string');
    const recorded = { manualSeed: { type: 'integer', default: 7, description: 'Seed.' } };
    expect(keepRecordedParams(reading, recorded, false, 'train.py')).toEqual([]);
    expect(reading.params).toEqual(recorded);
    expect(reading.passing).toEqual({});
  });

  it('changes nothing when no ml-cicd.yaml lists params yet', () => {
    const reading = scriptParams(flags, 'train.py');
    expect(keepRecordedParams(reading, undefined, false, 'train.py')).toEqual([]);
    expect(Object.keys(reading.params)).toEqual(['seed', 'batch_size', 'lr']);
  });
});

describe('scriptParams on text GitHub would evaluate or cannot hold', () => {
  it('makes help text one inert line, so ${{ }} in it is never an expression', () => {
    const reading = scriptParams(
      [flag(['--lr'], { help: 'Rate ${{ secrets.TOKEN }}\nsee\t%(default)s', default: 'x' })],
      'train.py',
    );
    expect(reading.params.lr?.description).toBe('Rate $ {{ secrets.TOKEN }} see x');
  });

  it('holds the params ml-cicd.yaml records by hand to the same: inert descriptions, passable choices', () => {
    const reading = scriptParams([], 'train.py');
    const dropped = keepRecordedParams(
      reading,
      {
        lr: { type: 'number', default: 0.1, description: 'Rate ${{ secrets.TOKEN }}\nsee' },
        mode: { type: 'choice', default: 'a', choices: ['a', 'b\nc'], description: 'Mode.' },
      },
      true,
      'train.py',
    );
    expect(reading.params).toEqual({
      lr: { type: 'number', default: 0.1, description: 'Rate $ {{ secrets.TOKEN }} see' },
    });
    expect(dropped).toEqual([
      `params.mode of ml-cicd.yaml is left out: its choice "b\\nc" is empty or has a line break, a control character, an outer space or \${{, which a workflow input's options cannot hold as they are.`,
    ]);
  });

  it('leaves out a choice flag whose choices a workflow input cannot hold, and says why', () => {
    const reading = scriptParams(
      [
        flag(['--evil'], { choices: ['a', '${{ github.token }}'], default: 'a' }),
        flag(['--twice'], { choices: [1, '1'], default: '1' }),
        flag(['--outside'], { choices: ['a', 'b'], default: 'c' }),
        flag(['--needed'], { choices: [2, 3], default: null, required: true, kind: 'int' }),
      ],
      'train.py',
    );
    expect(Object.keys(reading.params)).toEqual(['needed']);
    expect(reading.params.needed).toMatchObject({
      type: 'choice',
      default: '2',
      choices: ['2', '3'],
    });
    expect(reading.skipped).toEqual([
      `train.py's --evil is left out: its choice "\${{ github.token }}" is empty or has a line break, a control character, an outer space or \${{, which a workflow input's options cannot hold as they are.`,
      "train.py's --twice is left out: two of its choices are the same text.",
      `train.py's --outside is left out: its default "c" is not one of its choices, so no workflow input can leave it at its default.`,
    ]);
  });

  it('never guesses a default the script computes, and names the code that computes it', () => {
    const unread = { default: 'os.cpu_count()' };
    const reading = scriptParams(
      [
        flag(['--workers'], { kind: 'int', defaultKnown: false, unread }),
        flag(['--name'], { defaultKnown: false, unread: { default: 'getpass.getuser()' } }),
      ],
      'train.py',
    );
    expect(reading.params).toMatchObject({
      workers: { type: 'string', default: '', pattern: optionalNumberPattern.int },
      name: { type: 'string', default: '', pattern: freeTextPattern },
    });
    expect(reading.skipped).toEqual([
      "train.py's --workers default (os.cpu_count()) cannot be read without running the script, so the param's default is empty and the script keeps its own when the input is left empty.",
      "train.py's --name default (getpass.getuser()) cannot be read without running the script, so the param's default is empty and the script keeps its own when the input is left empty.",
    ]);
  });
});
