/**
 * `ml-cicd secrets [dir]`: the environments, secrets and variables of ml-cicd.yaml, set up with gh.
 * Prints the commands by default; `--apply` runs them with values from the process environment
 * and a dotenv file, each value on gh's standard input, never in argv, output or errors.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatFinding, loadConfig, type MlCicdConfig } from '@ml-cicd/config';
import { parseFlags } from '../../args.js';
import { UsageError, UserError } from '../../errors.js';
import type { Io } from '../../io.js';
import { parseDotenv } from './dotenv.js';
import { commandLine, runGh } from './gh.js';
import * as say from './messages.js';
import {
  createEnvironmentArgs,
  environmentPath,
  findValue,
  secretsPlan,
  type Found,
  type SecretsPlan,
  type Setting,
} from './plan.js';
import { resolveRepository } from './repository.js';

const flags = {
  repo: { type: 'string' },
  environment: { type: 'string' },
  apply: { type: 'boolean' },
  'from-env': { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readText(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function readConfig(dir: string, given: string): MlCicdConfig {
  const text = readText(join(dir, 'ml-cicd.yaml'));
  if (text === undefined) throw new UserError(say.noConfig(given));
  const { config, findings } = loadConfig(text, 'ml-cicd.yaml');
  if (!config) throw new UserError(say.badConfig(formatFinding(findings[0]!)));
  return config;
}

function readDotenv(cwd: string, file: string): Map<string, string> {
  const text = readText(resolve(cwd, file));
  if (text === undefined) throw new UserError(say.unreadableDotenv(file));
  return parseDotenv(text, file);
}

function selectEnvironments(config: MlCicdConfig, wanted: string | undefined): string[] {
  const names = Object.keys(config.environments);
  if (wanted === undefined) return names;
  if (!names.includes(wanted)) throw new UsageError(say.unknownEnvironment(wanted, names));
  return [wanted];
}

function printCommands(plan: SecretsPlan, io: Io): number {
  const lines = say.printHeader(plan.repo);
  const groups =
    plan.scope === 'repo'
      ? [{ title: say.printRepository, settings: plan.settings }]
      : plan.environments.map((environment) => ({
          title: `${say.printEnvironment(environment)}\n${commandLine(createEnvironmentArgs(plan.repo, environment))}`,
          settings: plan.settings.filter((setting) => setting.environment === environment),
        }));
  for (const { title, settings } of groups) {
    lines.push(title, ...settings.map((setting) => commandLine(setting.args)));
  }
  if (plan.settings.length === 0) lines.push(say.nothingDeclared('ml-cicd.yaml'));
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

interface Values {
  found: Map<Setting, Found>;
  empty: string[];
  missing: string[];
}

function collectValues(plan: SecretsPlan, file: ReadonlyMap<string, string>): Values {
  const values: Values = { found: new Map(), empty: [], missing: [] };
  for (const setting of plan.settings) {
    const found = findValue(setting.name, process.env, file);
    if (!found) values.missing.push(setting.name);
    else if (found.value === '') values.empty.push(setting.name);
    else values.found.set(setting, found);
  }
  return values;
}

function checkGh(): void {
  const version = runGh(['--version'], { hide: [] });
  if (version.notFound || version.status !== 0) throw new UserError(say.ghMissing);
  if (runGh(['auth', 'status'], { hide: [] }).status !== 0) throw new UserError(say.ghLoggedOut);
}

/** Creates the environment unless it exists, so its protection rules are never touched. */
function ensureEnvironment(repo: string, environment: string, io: Io): void {
  const existing = runGh(['api', environmentPath(repo, environment)], { hide: [] });
  if (existing.status === 0) {
    io.out(`${say.environmentExists(environment)}\n`);
    return;
  }
  const refused = (detail: string) =>
    new UserError(say.environmentRefused(environment, repo, detail));
  if (!/HTTP 404/.test(existing.detail)) throw refused(existing.detail);
  const created = runGh(createEnvironmentArgs(repo, environment), { hide: [] });
  if (created.status !== 0) throw refused(created.detail);
  io.out(`${say.created(environment)}\n`);
}

function where(plan: SecretsPlan, setting: Setting): string {
  return plan.scope === 'repo'
    ? `in ${plan.repo}`
    : `in environment ${setting.environment} of ${plan.repo}`;
}

function apply(plan: SecretsPlan, values: Values, file: string | undefined, io: Io): string[] {
  checkGh();
  for (const environment of plan.environments) ensureEnvironment(plan.repo, environment, io);
  const hide = [...values.found.values()].map((found) => found.value);
  const failures: string[] = [];
  for (const [setting, found] of values.found) {
    const result = runGh(setting.args, { input: found.value, hide });
    if (result.status === 0) {
      io.out(
        `${say.setOne(setting.kind, setting.name, where(plan, setting), found.source, file)}\n`,
      );
    } else {
      failures.push(say.failed(commandLine(setting.args), result.detail));
    }
  }
  return failures;
}

function dryRun(plan: SecretsPlan, values: Values, file: string | undefined, io: Io): void {
  const lines = plan.environments.map(say.wouldCreate);
  for (const [setting, found] of values.found) {
    lines.push(say.wouldSet(commandLine(setting.args), found.source, file));
  }
  io.out(`${lines.join('\n')}\n`);
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(argv, flags, 'ml-cicd secrets');
  if (values.help) {
    io.out(say.help);
    return 0;
  }
  if (positionals.length > 1) {
    throw new UsageError(
      `Expected one folder, got ${positionals.length}: ${positionals.join(' ')}.`,
    );
  }
  const changing = values.apply || values['dry-run'];
  const file = values['from-env'];
  if (file !== undefined && !changing) {
    throw new UsageError('--from-env applies only with --apply or --dry-run.');
  }
  const given = positionals[0] ?? '.';
  const dir = resolve(io.cwd, given);
  const config = readConfig(dir, given);
  const selected = selectEnvironments(config, values.environment);
  const dotenv = file === undefined ? new Map<string, string>() : readDotenv(io.cwd, file);
  const plan = secretsPlan(config, resolveRepository(values.repo, dir), selected);
  if (!changing) return printCommands(plan, io);

  const found = collectValues(plan, dotenv);
  const failures = values['dry-run'] ? [] : apply(plan, found, file, io);
  if (values['dry-run']) dryRun(plan, found, file, io);
  if (found.empty.length > 0) io.out(`${say.skippedEmpty(found.empty)}\n`);
  if (values['dry-run']) io.out(`${say.dryRunDone}\n`);
  const problems = [
    ...(found.missing.length > 0 ? [say.missing(found.missing, file)] : []),
    ...failures,
  ];
  if (problems.length > 0) io.err(`${problems.join('\n')}\n`);
  return problems.length > 0 ? 1 : 0;
}
