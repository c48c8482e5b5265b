/** Flag parsing for both bins: node:util's parseArgs, with its errors as one usage sentence. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

export type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * Which flag parseArgs refused, found by reading the arguments again as tokens: decided by the
 * error's code, never by the wording of Node's message.
 */
function explain(error: unknown, argv: string[], options: FlagOptions, bin: string): UsageError {
  const help = `Run ${bin} --help to see the flags.`;
  const { code } = (error ?? {}) as { code?: unknown };
  const { tokens } = parseArgs({
    args: argv,
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const flags = tokens.filter((token) => token.kind === 'option');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const unknown = flags.find((token) => !Object.hasOwn(options, token.name));
    if (unknown) return new UsageError(`Unknown flag ${unknown.rawName}. ${help}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    for (const token of flags) {
      const type = options[token.name]?.type;
      const flag = `--${token.name}`;
      // `--name --other` is refused too: a value that starts with a dash is given as --name=-x.
      const valueMissing =
        token.value === undefined || (!token.inlineValue && token.value.startsWith('-'));
      if (type === 'string' && valueMissing) return new UsageError(`${flag} needs a value.`);
      if (type === 'boolean' && token.inlineValue) {
        return new UsageError(`${flag} takes no value. ${help}`);
      }
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new UsageError(`${message.split('\n')[0]} ${help}`);
}

type ParsedFlags<T extends FlagOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;

/** The flags and positional arguments of `argv`, or a usage error naming the flag at fault. */
export function parseFlags<T extends FlagOptions>(
  argv: string[],
  options: T,
  bin: string,
): ParsedFlags<T> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw explain(error, argv, options, bin);
  }
}
