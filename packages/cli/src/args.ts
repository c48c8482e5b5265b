/** Flag parsing shared by the commands: node:util's parseArgs with errors as one usage sentence. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

function explain(error: unknown, command: string): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const help = `Run ${command} --help to see the flags.`;
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown?.[1]) return new UsageError(`Unknown flag ${unknown[1]}. ${help}`);
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing?.[1]) return new UsageError(`${missing[1].replace(/^-\w, /, '')} needs a value.`);
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional?.[1]) return new UsageError(`Unexpected argument ${positional[1]}. ${help}`);
  return new UsageError(`${message.split('\n')[0]} ${help}`);
}

export function parseFlags<T extends Options>(argv: string[], options: T, command: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw explain(error, command);
  }
}

/** `value` as one of `allowed`, or a usage error naming the flag and the valid values. */
export function oneOf<const A extends readonly string[]>(
  flag: string,
  value: string | undefined,
  allowed: A,
  fallback: A[number],
): A[number] {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as A[number];
  throw new UsageError(
    `${flag} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)}).`,
  );
}
