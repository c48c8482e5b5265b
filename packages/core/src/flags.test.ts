import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import { parseFlags } from './flags.js';

const options = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
} as const;

const refusal = (argv: string[]) => {
  try {
    parseFlags(argv, options, 'ml-cicd validate');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('parseFlags', () => {
  it('returns the flags and the positional arguments', () => {
    const { values, positionals } = parseFlags(
      ['repo', '--format=sarif', '-v'],
      options,
      'ml-cicd validate',
    );
    expect(values).toEqual({ format: 'sarif', version: true });
    expect(positionals).toEqual(['repo']);
  });

  it.each([
    [['--colour'], 'Unknown flag --colour. Run ml-cicd validate --help to see the flags.'],
    [['--colour=red'], 'Unknown flag --colour. Run ml-cicd validate --help to see the flags.'],
    [['-vx'], 'Unknown flag -x. Run ml-cicd validate --help to see the flags.'],
    [['--format'], '--format needs a value.'],
    [['--format', '--json'], '--format needs a value.'],
    [['--json=yes'], '--json takes no value. Run ml-cicd validate --help to see the flags.'],
  ])('refuses %j, naming the flag', (argv, message) => {
    expect(refusal(argv)).toBe(message);
  });

  it('takes a value that starts with a dash when it is written --flag=-value', () => {
    expect(parseFlags(['--format=-x'], options, 'ml-cicd validate').values.format).toBe('-x');
  });
});
