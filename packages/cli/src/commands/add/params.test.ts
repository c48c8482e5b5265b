import { describe, expect, it } from 'vitest';
import type { ScriptFlag } from '../../argparse/index.js';
import { freeTextPattern, scriptParams } from './params.js';

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
