/**
 * `ml-cicd secrets [dir]`: the environments, secrets and variables of ml-cicd.yaml, set up with gh.
 * Prints the commands by default; `--apply` runs them with values from the process environment
 * and a dotenv file, each value on gh's standard input, never in argv, output or errors.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFlags } from '@ml-cicd/core';
import {
  credentialNameProblem,
  formatFinding,
  loadConfig,
  type MlCicdConfig,
} from '@ml-cicd/config';
import { UsageError, UserError } from '../../errors.js';
import type { Io } from '../../io.js';
import { parseDotenv } from './dotenv.js';
import { commandLine, runGh } from './gh.js';
import * as say from './messages.js';
import { optionalNames } from './optional.js';
import {
  createEnvironmentArgs,
  environmentPath,
  findValue,
  forkApprovalArgs,
  secretsPlan,
  type Found,
  type SecretsPlan,
  type Setting,
} from './plan.js';
import { protectEnvironment, protections } from './protection.js';
import { placeholderRepository, repositoryToPrint, resolveRepository } from './repository.js';
import { checkReviewerFlags, resolveReviewers, type Reviewer } from './reviewers.js';

const flags = {
  repo: { type: 'string' },
  environment: { type: 'string' },
  apply: { type: 'boolean' },
  'from-env': { type: 'string' },
  'dry-run': { type: 'boolean' },
  reviewer: { type: 'string', multiple: true },
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

/** Refuses a declared name that would upload the user's own credential, or a secret as a variable. */
function refuseCredentialNames(config: MlCicdConfig): void {
  for (const [environment, { secrets, variables }] of Object.entries(config.environments)) {
    for (const [list, names] of [
      ['secrets', secrets],
      ['variables', variables],
    ] as const) {
      for (const name of names) {
        const why = credentialNameProblem(name, list);
        if (why)
          throw new UserError(say.credentialName(`environments.${environment}.${list}`, name, why));
      }
    }
  }
}

/** Runners other than GitHub's own are reachable from a fork's pull request unless it waits for approval. */
const ownRunners = (config: MlCicdConfig) => config.runner.kind !== 'hosted';

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

function printCommands(plan: SecretsPlan, config: MlCicdConfig, io: Io): number {
  const lines = say.printHeader(plan.repo);
  if (plan.repo === placeholderRepository) lines.push(say.printNoRemote);
  const groups =
    plan.scope === 'repo'
      ? [{ title: say.printRepository, settings: plan.settings }]
      : plan.environments.map((environment) => {
          const protection = protections.get(environment);
          const lines = [
            say.printEnvironment(environment),
            commandLine(createEnvironmentArgs(plan.repo, environment)),
            ...(protection
              ? [say.printProtect(environment, protection.reviewers, protection.tags)]
              : []),
          ];
          return {
            title: lines.join('\n'),
            settings: plan.settings.filter((setting) => setting.environment === environment),
          };
        });
  for (const { title, settings } of groups) {
    lines.push(
      title,
      ...settings.map((setting) =>
        setting.from === setting.name
          ? commandLine(setting.args)
          : `${commandLine(setting.args)}   ${say.printReadOnly(setting.from)}`,
      ),
    );
  }
  if (plan.settings.length === 0) lines.push(say.nothingDeclared('ml-cicd.yaml'));
  if (ownRunners(config))
    lines.push(say.printForkApproval, commandLine(forkApprovalArgs(plan.repo)));
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

interface Values {
  found: Map<Setting, Found>;
  /** Names by what happened to them, each once. */
  empty: Set<string>;
  missing: Set<string>;
  /** Optional variables left unset: the code's default applies. */
  defaulted: Set<string>;
  /** Read-only secrets given the very value of the credential that writes. */
  sameAsWrite: Set<string>;
}

function collectValues(
  plan: SecretsPlan,
  file: ReadonlyMap<string, string>,
  optional: ReadonlySet<string>,
): Values {
  const values: Values = {
    found: new Map(),
    empty: new Set(),
    missing: new Set(),
    defaulted: new Set(),
    sameAsWrite: new Set(),
  };
  for (const setting of plan.settings) {
    const found = findValue(setting.from, process.env, file);
    if (!found) {
      const unset = setting.kind === 'variable' && optional.has(setting.name);
      (unset ? values.defaulted : values.missing).add(setting.from);
    } else if (found.value === '') values.empty.add(setting.from);
    else if (
      setting.from !== setting.name &&
      findValue(setting.name, process.env, file)?.value === found.value
    ) {
      values.sameAsWrite.add(setting.from);
    } else values.found.set(setting, found);
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

/** Makes every outside contributor's fork pull request wait for approval; a notice when it cannot. */
function requireForkApproval(repo: string, io: Io): void {
  const result = runGh(forkApprovalArgs(repo), { hide: [] });
  io.out(
    `${result.status === 0 ? say.forkApprovalSet(repo) : say.forkApprovalNotSet(repo, result.detail)}\n`,
  );
}

function where(plan: SecretsPlan, setting: Setting): string {
  return plan.scope === 'repo'
    ? `in ${plan.repo}`
    : `in environment ${setting.environment} of ${plan.repo}`;
}

/** Resolves the reviewers once, and only when an environment needs them. */
function reviewersOnce(flags: readonly string[]): () => Reviewer[] {
  let resolved: Reviewer[] | undefined;
  return () => (resolved ??= resolveReviewers(flags));
}

function apply(
  plan: SecretsPlan,
  config: MlCicdConfig,
  values: Values,
  file: string | undefined,
  reviewerFlags: readonly string[],
  io: Io,
): string[] {
  checkGh();
  const reviewers = reviewersOnce(reviewerFlags);
  const unprotected: string[] = [];
  for (const environment of plan.environments) {
    const protection = protections.get(environment);
    if (protection) {
      unprotected.push(...protectEnvironment(plan.repo, environment, protection, reviewers, io));
    } else ensureEnvironment(plan.repo, environment, io);
  }
  if (ownRunners(config)) requireForkApproval(plan.repo, io);
  const hide = [...values.found.values()].map((found) => found.value);
  const failures = unprotected;
  for (const [setting, found] of values.found) {
    const result = runGh(setting.args, { input: found.value, hide });
    if (result.status === 0) {
      io.out(`${say.setOne(setting, where(plan, setting), found.source, file)}\n`);
    } else {
      failures.push(say.failed(commandLine(setting.args), result.detail));
    }
  }
  return failures;
}

function dryRun(
  plan: SecretsPlan,
  config: MlCicdConfig,
  values: Values,
  file: string | undefined,
  reviewerFlags: readonly string[],
  io: Io,
): void {
  const lines = plan.environments.flatMap((environment) => {
    const protection = protections.get(environment);
    return [
      say.wouldCreate(environment),
      ...(protection
        ? [say.wouldProtect(environment, protection.reviewers, protection.tags, reviewerFlags)]
        : []),
    ];
  });
  if (plan.repo === placeholderRepository) lines.unshift(say.printNoRemote);
  if (ownRunners(config)) lines.push(say.wouldRequireForkApproval);
  for (const [setting, found] of values.found) {
    lines.push(say.wouldSet(commandLine(setting.args), setting, found.source, file));
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
  const reviewerFlags = values.reviewer ?? [];
  checkReviewerFlags(reviewerFlags);
  const given = positionals[0] ?? '.';
  const dir = resolve(io.cwd, given);
  const config = readConfig(dir, given);
  refuseCredentialNames(config);
  const selected = selectEnvironments(config, values.environment);
  const dotenv = file === undefined ? new Map<string, string>() : readDotenv(io.cwd, file);
  // Only --apply talks to GitHub; printing and the dry run work without a remote.
  const repo = values.apply
    ? resolveRepository(values.repo, dir)
    : repositoryToPrint(values.repo, dir);
  const plan = secretsPlan(config, repo, selected);
  if (!changing) return printCommands(plan, config, io);

  const found = collectValues(plan, dotenv, optionalNames(dir));
  const failures = values['dry-run'] ? [] : apply(plan, config, found, file, reviewerFlags, io);
  if (values['dry-run']) dryRun(plan, config, found, file, reviewerFlags, io);
  if (found.empty.size > 0) io.out(`${say.skippedEmpty([...found.empty])}\n`);
  if (found.defaulted.size > 0) io.out(`${say.leftToDefault([...found.defaulted])}\n`);
  if (values['dry-run']) io.out(`${say.dryRunDone}\n`);
  const problems = [
    ...(found.missing.size > 0 ? [say.missing([...found.missing], file)] : []),
    ...(found.sameAsWrite.size > 0 ? [say.sameAsWrite([...found.sameAsWrite])] : []),
    ...failures,
  ];
  if (problems.length > 0) io.err(`${problems.join('\n')}\n`);
  return problems.length > 0 ? 1 : 0;
}
