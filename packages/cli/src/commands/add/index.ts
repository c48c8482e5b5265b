/** `ml-cicd add workflow <kind> [dir]`: the kind's workflows and what they need, from the script's flags. */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  dvcJobsPush,
  nameFromFolder,
  parseFlags,
  planActions,
  resolveAnswers,
  writePlan,
  type Assets,
  type ScriptParams,
} from '@ml-cicd/core';
import {
  describeEntryPoint,
  findEntryPoint,
  isHydraApp,
  readArgparse,
  type EntryPoint,
} from '../../argparse/index.js';
import { moduleRun } from '../../argparse/entry-point.js';
import { UsageError, UserError } from '../../errors.js';
import type { Io } from '../../io.js';
import { existingFolder } from '../folder.js';
import { checksNotes } from './checks.js';
import { cmlNotes } from './cml.js';
import { bundledAssets } from './assets.js';
import * as say from './messages.js';
import {
  existingAnswers,
  existingGates,
  existingSection,
  keepTeamKeys,
  readExistingConfig,
  type ExistingConfig,
} from './existing-config.js';
import { lock, lockSource } from './lock.js';
import { pathInsideRepository } from './repository-path.js';
import { teamPythonAnswers } from './team-python.js';
import { keepRecordedParams, scriptParams } from './params.js';
import { addPlan, kindSpecs, mergedPaths, type Kind } from './plan.js';
import { featureFlags, kindAnswers, recordedAnswers, trackers } from './answers.js';
import { earlierManifest, recordedEntry, unedited } from './earlier-manifest.js';
import {
  dvcPaths,
  dvcRequirementWarning,
  stageNotes,
  teamRemoteAnswers,
  teamStages,
} from './dvc.js';
import { metricsFileOf } from './metrics-file.js';
import { needsInstall, nestedRequirements, requirementsProblem } from './requirements.js';

const flags = {
  ...Object.fromEntries(
    featureFlags.map(({ option }) => [option.flag, { type: 'string' } as const]),
  ),
  schedule: { type: 'string' },
  'dvc-deps': { type: 'string' },
  'dvc-outs': { type: 'string' },
  script: { type: 'string' },
  module: { type: 'string' },
  python: { type: 'string' },
  import: { type: 'boolean' },
  'metrics-file': { type: 'string' },
  tracker: { type: 'string' },
  'workflow-file': { type: 'string' },
  name: { type: 'string' },
  'dry-run': { type: 'boolean' },
  lock: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const kinds = Object.keys(kindSpecs) as Kind[];

/** `text` broken into lines of at most `width` columns, each after `indent` spaces. */
function wrapped(text: string, indent: number, width = 100): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && indent + last.length + 1 + word.length <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  return lines.map((line) => `${' '.repeat(indent)}${line}`);
}

/** A help entry: `name`, then `text` wrapped at `column`, on the same line when the name fits. */
function helpEntry(name: string, text: string, column: number): string[] {
  const [first = '', ...rest] = wrapped(text, column);
  return name.length < column
    ? [`${name.padEnd(column)}${first.trimStart()}`, ...rest]
    : [name, first, ...rest];
}

/** Each kind's help, as its feature declares it; kinds that say the same are listed together. */
function kindsHelp(): string {
  const byHelp = new Map<string, Kind[]>();
  for (const kind of kinds) {
    const { help } = kindSpecs[kind]!;
    byHelp.set(help, [...(byHelp.get(help) ?? []), kind]);
  }
  return [...byHelp]
    .flatMap(([help, named]) => helpEntry(`  ${named.join(', ')}`, help, 11))
    .join('\n');
}

/** The runner's and the DVC remote's flags, as create-ml-cicd names them. */
function runnerFlagsHelp(): string {
  return featureFlags
    .flatMap(({ option, choice }) =>
      helpEntry(`  --${option.flag} <value>`, `${choice.value}: ${option.help}`, 22),
    )
    .join('\n');
}

/**
 * The entry point, when the kind's workflows can run it: the train action runs a script or a
 * module, so a console script runs as its module when that module has a `__main__` guard.
 */
function runnable(entry: EntryPoint | undefined, dir: string, kind: Kind, io: Io): EntryPoint {
  if (!entry) throw new UserError(say.noEntryPoint(dir));
  if (entry.kind !== 'function') return entry;
  const run = moduleRun(dir, entry);
  if (run) {
    io.out(
      `note: ${say.consoleScriptRun(describeEntryPoint(entry), run.entry.module, run.file)}\n`,
    );
    return run.entry;
  }
  if (kind !== 'test') throw new UserError(say.functionEntry(describeEntryPoint(entry)));
  return entry;
}

/** `--script`/`--module`, else what an earlier add recorded, else train.py or a console script. */
function chosenEntry(dir: string, script: string | undefined, module: string | undefined) {
  if (script !== undefined || module !== undefined) return findEntryPoint(dir, { script, module });
  const recorded = recordedEntry(dir, earlierManifest(dir));
  if (recorded && 'module' in recorded) return findEntryPoint(dir, recorded);
  if (recorded && existsSync(join(dir, recorded.script))) return findEntryPoint(dir, recorded);
  return findEntryPoint(dir);
}

const ciPath = '.github/workflows/ci.yml';

/**
 * Where `add workflow test` writes ci.yml: `--workflow-file`, else where an earlier add wrote it,
 * else ml-cicd-ci.yml beside a ci.yml of the team's own (one ml-cicd did not write).
 */
function ciFile(dir: string, kind: Kind, given: string | undefined): Record<string, string> {
  const earlier = earlierManifest(dir);
  const recorded = earlier?.added?.moved?.[ciPath];
  if (given !== undefined) {
    if (kind !== 'test') throw new UsageError('--workflow-file applies only to add workflow test.');
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/.test(given) || given === 'checks.yml') {
      throw new UsageError(
        `--workflow-file must be a file name in .github/workflows such as ml-cicd-ci.yml, other than checks.yml (got ${JSON.stringify(given)}).`,
      );
    }
    const path = `.github/workflows/${given}`;
    return path === ciPath ? {} : { [ciPath]: path };
  }
  if (recorded) return { [ciPath]: recorded };
  if (kind !== 'test' || !existsSync(join(dir, ciPath)) || unedited(dir, earlier, ciPath)) {
    return {};
  }
  return { [ciPath]: '.github/workflows/ml-cicd-ci.yml' };
}

/** What the workflows install, found in the repository; the team's own keys always win. */
function trainSettings(dir: string, existing: ExistingConfig | undefined) {
  const train = { ...existingSection(existing, 'train') };
  const nested = nestedRequirements(dir);
  if (train.requirements === undefined && nested) train.requirements = nested;
  if (train['install-project'] === undefined && needsInstall(dir)) train['install-project'] = true;
  return train;
}

/** The train action's `script`/`module` input, unless it is its default, `train.py`. */
function actionEntry(entry: EntryPoint): ScriptParams['entry'] {
  if (entry.kind === 'module') return { module: entry.module };
  if (entry.kind !== 'script') return undefined;
  const script = entry.path.replaceAll('\\', '/').replace(/^\.\//, '');
  return script === 'train.py' ? undefined : { script };
}

export async function run(
  argv: string[],
  io: Io,
  assets: Assets = bundledAssets(),
): Promise<number> {
  const { values, positionals } = parseFlags(argv, flags, 'ml-cicd add');
  if (values.help) {
    io.out(say.help(kinds, kindsHelp(), runnerFlagsHelp(), trackers));
    return 0;
  }
  const [what, kind, given = '.', ...extra] = positionals;
  if (what !== 'workflow' || kind === undefined || extra.length > 0) {
    throw new UsageError(`Usage: ml-cicd ${say.usage}, where <kind> is ${kinds.join(' or ')}.`);
  }
  if (!(kind in kindSpecs)) throw new UserError(say.unknownKind(kind, kinds));
  if (values.script && values.module) {
    throw new UsageError('--script and --module cannot be used together.');
  }
  const dir = existingFolder(io, given, 'repository');
  const scriptPath =
    values.script === undefined
      ? undefined
      : pathInsideRepository(dir, values.script, '--script', 'scripts/train.py');
  const addKind = kind as Kind;
  const moved = ciFile(dir, addKind, values['workflow-file']);
  const existing = readExistingConfig(dir);
  // The feature flags (--dvc-remote, --ec2-region…) are named by the registry, not typed here.
  const flagValues = values as Record<string, string | undefined>;
  // The repository's own remote, unless the flags name another.
  const ownRemote = addKind === 'dvc' && !flagValues['dvc-remote'] && !flagValues['dvc-remote-url'];
  const teamRemote = ownRemote ? teamRemoteAnswers(dir) : { answers: {} };
  if (teamRemote.note) io.out(`note: ${teamRemote.note}\n`);
  const earlier = { ...recordedAnswers(dir), ...existingAnswers(existing) };
  // The version the repository says it runs on, unless ml-cicd.yaml or an earlier add set one.
  const teamPython = earlier.python === undefined ? teamPythonAnswers(dir) : { answers: {} };
  if (teamPython.note) io.out(`note: ${teamPython.note}\n`);
  const known = { ...teamPython.answers, ...earlier, ...teamRemote.answers };
  const answers = resolveAnswers(
    {
      ...kindAnswers(addKind, known, flagValues),
      name: values.name ?? known.name ?? nameFromFolder(basename(dir)),
    },
    basename(dir),
  );
  if (addKind !== 'dvc' && (values['dvc-deps'] || values['dvc-outs'])) {
    throw new UsageError('--dvc-deps and --dvc-outs apply only to add workflow dvc.');
  }
  const found = chosenEntry(dir, scriptPath, values.module);
  // The CI of a DVC pipeline the team already has runs dvc repro: it needs no training script.
  const pipelineOnly = !found && addKind === 'dvc' && teamStages(dir).length > 0;
  const entry = pipelineOnly ? undefined : runnable(found, dir, addKind, io);
  const shown = entry ? describeEntryPoint(entry) : 'dvc.yaml';
  // A path to an interpreter is the caller's, who may be in another folder than dir.
  const python =
    values.python && /[\\/]/.test(values.python) ? resolve(io.cwd, values.python) : values.python;
  const outcome = entry
    ? await readArgparse(dir, entry, { python, import: values.import ?? false })
    : undefined;
  if (outcome?.status === 'no-python') throw new UserError(say.noPython(outcome.tried));
  if (outcome?.status === 'failed') throw new UserError(say.unreadable(shown, outcome.message));
  const reading = outcome?.reading;
  if (reading) io.out(`${say.readWith(shown, reading.flags.length, reading)}\n`);
  for (const call of reading?.unreadable ?? []) io.out(`note: ${say.unreadableCall(call)}\n`);
  const script = scriptParams(reading?.flags ?? [], shown);
  const call = entry && actionEntry(entry);
  if (call) script.entry = call;
  for (const sentence of script.skipped) io.out(`note: ${sentence}\n`);

  const metrics = metricsFileOf(dir, entry, values['metrics-file'], existing);
  if (metrics.file) script.metricsFile = metrics.file;
  if (metrics.note) io.out(`note: ${metrics.note}\n`);
  const gates = existingGates(existing);
  if (gates) script.gates = gates;
  const train = trainSettings(dir, existing);
  // A Hydra app sets its config's keys with overrides, key=value, not with flags.
  if (reading && isHydraApp(reading)) train['params-as'] = 'overrides';
  if (Object.keys(train).length > 0) script.train = train;
  const report = existingSection(existing, 'report');
  if (report) script.report = report;
  if (addKind === 'dvc') {
    script.dvc = dvcPaths(dir, entry, { deps: values['dvc-deps'], outs: values['dvc-outs'] });
  }
  keepTeamKeys(existing, script.params, script.required);
  const dropped = keepRecordedParams(
    script,
    (existing?.doc.toJS() as { params?: unknown } | undefined)?.params,
    (reading?.unreadable.length ?? 0) > 0,
    shown,
  );
  for (const sentence of dropped) io.out(`note: ${sentence}\n`);
  // report.yml and retrain.yml train on their own, with each required param at its default.
  const undefaulted = script.required.filter((name) => script.params[name]?.default === '');
  const ownArgs = addKind === 'report' && script.report?.args !== undefined;
  if ((addKind === 'report' || addKind === 'retrain') && !ownArgs && undefaulted.length > 0) {
    const listed = undefaulted.every((name) => existing?.doc.hasIn(['params', name]));
    throw new UserError(say.trainsWithoutDefaults(addKind, undefaulted, listed));
  }
  const {
    files: plan,
    notes,
    requirementsIn,
  } = addPlan(dir, addKind, answers, script, assets, existing, moved);
  if (moved[ciPath] && values['workflow-file'] === undefined) {
    notes.push(say.ciMoved(moved[ciPath]));
  }
  if (addKind === 'dvc') notes.push(...stageNotes(dir, script, dvcJobsPush(answers)));
  if (answers.tracker !== 'none') notes.push(say.trackerWired(answers.tracker));
  if (train.requirements && !existingSection(existing, 'train')?.requirements) {
    notes.push(say.requirementsFound(String(train.requirements)));
  }
  if (addKind === 'test') notes.push(...checksNotes(dir));
  for (const note of [...notes, ...cmlNotes(dir)]) io.out(`note: ${note}\n`);
  if (addKind === 'retrain' && (script.gates ?? []).length === 0) {
    io.out(`note: ${say.retrainNeedsGates}\n`);
  }
  const dryRun = values['dry-run'] ?? false;
  const force = values.force ?? false;
  const manifest = earlierManifest(dir);
  // A file checked out with CRLF keeps CRLF (C10): same text is no conflict, a merge keeps its style.
  const conflicts = (await planActions(plan, dir, { keepLineEndings: true }))
    .filter((file) => file.action === 'overwrite' && !mergedPaths.has(file.path))
    .filter((file) => !unedited(dir, manifest, file.path))
    .map((file) => file.path);
  if (conflicts.length > 0 && !force && !dryRun) throw new UserError(say.conflict(conflicts));
  // A workflow that cannot install what it runs fails every run: add refuses, unless --lock locks
  // it. The lock runs after every other check, so a failed lock leaves everything as it was.
  const lockPath =
    typeof train.requirements === 'string' && addKind !== 'test' ? train.requirements : undefined;
  const problem = requirementsProblem(dir, addKind, lockPath);
  const source = problem && values.lock ? lockSource(dir, addKind, lockPath) : undefined;
  if (problem && !source && !dryRun) {
    throw new UserError(say.requirementsRefused(problem));
  }
  if (source && !dryRun) io.out(`${await lock(dir, source)}\n`);
  else if (problem) io.err(`warning: ${problem}\n`);
  const result = await writePlan(plan, dir, {
    mode: 'into-existing',
    force: true,
    dryRun,
    keepLineEndings: true,
  });
  for (const file of result.files) io.out(`${say.fileLine(file.action, file.path)}\n`);
  const dvcWarning = addKind === 'dvc' && dvcRequirementWarning(dir, requirementsIn, lockPath);
  if (dvcWarning) io.err(`${dvcWarning}\n`);
  if (dryRun) io.out(`${result.diff}${say.dryRunDone}\n`);
  else io.out(`${result.written === 0 ? say.unchanged : say.wrote(result.written)}\n`);
  return 0;
}
