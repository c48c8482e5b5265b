import { describe, expect, it } from 'vitest';
import type { ScriptFlag } from '../../argparse/index.js';
import { freeTextPattern, keepRecordedParams, scriptParams } from './params.js';

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
  it('keeps 25 params, the workflow_dispatch inputs GitHub accepts, and names the ones left out', () => {
    const flags = Array.from({ length: 27 }, (_, i) => flag([`--flag-${i}`], { default: 'x' }));
    const reading = scriptParams(flags, 'train.py');
    expect(Object.keys(reading.params)).toHaveLength(25);
    expect(reading.skipped).toEqual([
      "train.py's --flag-25 is left out: ml-cicd.yaml holds at most 25 params (GitHub's limit of inputs).",
      "train.py's --flag-26 is left out: ml-cicd.yaml holds at most 25 params (GitHub's limit of inputs).",
    ]);
  });

  it('passes switches as their flag or nothing, and optional free text only when given', () => {
    const reading = scriptParams(
      [
        flag(['--augment'], { action: 'store_true', kind: 'bool', default: false }),
        flag(['-S', '--no-shuffle'], { action: 'store_false', kind: 'bool', default: true }),
        flag(['--amp', '--no-amp'], {
          action: 'BooleanOptionalAction',
          kind: 'bool',
          default: true,
        }),
        flag(['--out']),
      ],
      'train.py',
    );
    expect(reading.args).toEqual({
      augment: "${{ inputs.augment && '--augment' || '' }}",
      'no-shuffle': "${{ !inputs.no-shuffle && '--no-shuffle' || '' }}",
      amp: "${{ inputs.amp && '--amp' || '--no-amp' }}",
      out: "${{ inputs.out != '' && format('--out={0}', inputs.out) || '' }}",
    });
    expect(reading.params.out).toEqual({
      type: 'string',
      default: '',
      description: 'The --out flag of train.py.',
      pattern: freeTextPattern,
    });
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
    expect(reading.args).toEqual({});
    expect(reading.params.epochs?.description).toBe('Epochs (default 10).');
  });

  it('leaves out what a workflow input cannot pass, saying why', () => {
    const reading = scriptParams(
      [
        flag(['data_dir']),
        flag(['--batch_size'], { kind: 'int', default: 32 }),
        flag(['--steps'], { kind: 'int' }),
        flag(['--tag'], { default: 'a;b' }),
        flag(['-h', '--help'], { action: 'help' }),
      ],
      'train.py',
    );
    expect(reading.params).toEqual({});
    expect(reading.skipped).toEqual([
      "train.py's data_dir is left out: it has no --long name, so no workflow input can pass it.",
      "train.py's --batch_size is left out: a param's name must be lowercase letters, digits and hyphens, starting with a letter.",
      "train.py's --steps is left out: its default null is not of type integer.",
      `train.py's --tag is left out: its default "a;b" has characters outside ${freeTextPattern}.`,
    ]);
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
    expect(Object.keys(reading.params)).toEqual(['name']);
    expect(reading.params.name?.default).toBe('');
    expect(reading.skipped).toEqual([
      "train.py's --workers is left out: its default (os.cpu_count()) cannot be read without running the script; add params.workers to ml-cicd.yaml with the default you want, or read the script with --import if you trust its code.",
      "train.py's --name default (getpass.getuser()) cannot be read without running the script, so the param's default is empty and the script keeps its own when the input is left empty.",
    ]);
    expect([...reading.unknownDefaults.keys()]).toEqual(['workers']);
  });
});
