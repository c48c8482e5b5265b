/** Command-line flags: the registry's options plus the bin's own; every prompt is also a flag. */
import {
  findLevel,
  isYesNo,
  options,
  parseFlags,
  refuseRetired,
  UsageError,
  type Level,
  type RawAnswers,
} from '@ml-cicd/core';
import { readAnswersFile } from './answers-file.js';

export interface BinFlags {
  target?: string;
  yes: boolean;
  interactive?: boolean;
  git: boolean;
  install: boolean;
  force: boolean;
  dryRun: boolean;
  json: boolean;
  help: boolean;
  version: boolean;
}

export interface ParsedArgs {
  /** `init` sets up a repository made from the template; otherwise a new project is made. */
  command: 'create' | 'init';
  flags: BinFlags;
  answers: RawAnswers;
  /** The `--level` preset, whose answers the flags override. */
  level?: Level;
}

const binFlags = {
  yes: { type: 'boolean', short: 'y' },
  interactive: { type: 'boolean' },
  'no-interactive': { type: 'boolean' },
  git: { type: 'boolean' },
  'no-git': { type: 'boolean' },
  install: { type: 'boolean' },
  'no-install': { type: 'boolean' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  answers: { type: 'string' },
  level: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** `--x` and `--no-x` together are a contradiction, not a last-one-wins. */
function toggle(values: Record<string, unknown>, name: string): boolean | undefined {
  const on = values[name] === true;
  const off = values[`no-${name}`] === true;
  if (on && off) throw new UsageError(`--${name} and --no-${name} cannot be used together.`);
  return on ? true : off ? false : undefined;
}

/** init keeps the template's answers; only the name may be given. */
function checkInitFlags(values: Record<string, unknown>): void {
  const flags = ['answers', 'level', ...options.flatMap(({ flag }) => [flag, `no-${flag}`])];
  const given = flags.filter((flag) => flag !== 'name' && values[flag] !== undefined);
  if (given.length > 0) {
    throw new UsageError(
      `init keeps the answers the template was made with: it takes --name but not --${given.join(', --')}.`,
    );
  }
}

export function parse(argv: string[]): ParsedArgs {
  const answerFlags = Object.fromEntries([
    ...options.map((option) => [option.flag, { type: 'string' as const }]),
    ...options.filter(isYesNo).map((option) => [`no-${option.flag}`, { type: 'boolean' as const }]),
  ]);
  const parsed = parseFlags(argv, { ...binFlags, ...answerFlags }, 'create-ml-cicd');
  const command = parsed.positionals[0] === 'init' ? 'init' : 'create';
  const positionals = command === 'init' ? parsed.positionals.slice(1) : parsed.positionals;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (positionals.length > 1) {
    throw new UsageError(
      `Expected one target folder, got ${positionals.length}: ${positionals.join(' ')}.`,
    );
  }
  if (command === 'init') checkInitFlags(values);
  const level = typeof values.level === 'string' ? findLevel(values.level) : undefined;
  // Flags win over the answers file, and both over the level's preset.
  const answers: RawAnswers = {
    ...level?.answers,
    ...(typeof values.answers === 'string' ? readAnswersFile(values.answers) : {}),
  };
  for (const option of options) {
    const value = values[option.flag];
    if (typeof value !== 'string') continue;
    refuseRetired(option, value);
    answers[option.key] = value;
  }
  for (const option of options.filter(isYesNo)) {
    if (values[`no-${option.flag}`] !== true) continue;
    if (typeof values[option.flag] === 'string') {
      throw new UsageError(`--${option.flag} and --no-${option.flag} cannot be used together.`);
    }
    answers[option.key] = 'no';
  }
  const flags: BinFlags = {
    yes: values.yes === true,
    git: toggle(values, 'git') ?? true,
    install: toggle(values, 'install') ?? false,
    force: values.force === true,
    dryRun: values['dry-run'] === true,
    json: values.json === true,
    help: values.help === true,
    version: values.version === true,
  };
  const interactive = toggle(values, 'interactive');
  if (interactive !== undefined) flags.interactive = interactive;
  if (positionals[0] !== undefined) flags.target = positionals[0];
  return level ? { command, flags, answers, level } : { command, flags, answers };
}
