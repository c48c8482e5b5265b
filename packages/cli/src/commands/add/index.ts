/** `ml-cicd add workflow <kind> [dir]`: the kind's workflows and what they need, from the script's flags. */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  nameFromFolder,
  planActions,
  resolveAnswers,
  writePlan,
  type Assets,
  type ScriptParams,
} from '@ml-cicd/core';
import {
  describeEntryPoint,
  findEntryPoint,
  readArgparse,
  type EntryPoint,
} from '../../argparse/index.js';
import { parseFlags } from '../../args.js';
import { UsageError, UserError } from '../../errors.js';
import type { Io } from '../../io.js';
import { cmlNotes } from './cml.js';
import { bundledAssets } from './assets.js';
import * as say from './messages.js';
import {
  existingAnswers,
  existingGates,
  keepTeamKeys,
  readExistingConfig,
  type ExistingConfig,
} from './existing-config.js';
import { lock } from './lock.js';
import { pathInsideRepository, repositoryPath } from './repository-path.js';
import { keepRecordedParams, scriptParams } from './params.js';
import { addPlan, kindSpecs, mergedPaths, type Kind } from './plan.js';
import { featureFlags, kindAnswers, recordedAnswers } from './answers.js';
import { earlierManifest, unedited } from './earlier-manifest.js';
import { dvcPaths, dvcRequirementWarning, stageNotes } from './dvc.js';
import { requirementsWarning } from './requirements.js';

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
  name: { type: 'string' },
  'dry-run': { type: 'boolean' },
  lock: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const kinds = Object.keys(kindSpecs) as Kind[];

/** The runner's and the DVC remote's flags, as create-ml-cicd names them. */
function runnerFlagsHelp(): string {
  return featureFlags
    .map(({ option, choice }) => {
      const flag = `  --${option.flag} <value>`;
      const about = `${choice.value}: ${option.help}`;
      return flag.length < 22 ? `${flag.padEnd(22)}${about}` : `${flag}\n${' '.repeat(22)}${about}`;
    })
    .join('\n');
}

function targetDir(io: Io, given: string): string {
  const dir = resolve(io.cwd, given);
  let folder = false;
  try {
    folder = statSync(dir).isDirectory();
  } catch {
    folder = false;
  }
  if (!folder) throw new UserError(`${given} is not a folder; pass the repository's folder.`);
  return dir;
}

/** The entry point, when the kind's workflows can run it: the train action runs a script or a module. */
function runnable(entry: EntryPoint | undefined, dir: string, kind: Kind): EntryPoint {
  if (!entry) throw new UserError(say.noEntryPoint(dir));
  if (kind !== 'test' && entry.kind === 'function') {
    throw new UserError(say.functionEntry(describeEntryPoint(entry)));
  }
  return entry;
}

/** The train action's `script`/`module` input, unless it is its default, `train.py`. */
function actionEntry(entry: EntryPoint): ScriptParams['entry'] {
  if (entry.kind === 'module') return { module: entry.module };
  if (entry.kind !== 'script') return undefined;
  const script = entry.path.replaceAll('\\', '/').replace(/^\.\//, '');
  return script === 'train.py' ? undefined : { script };
}

/** `--metrics-file`, else ml-cicd.yaml's metrics.file: a path inside the repository, with `/`. */
function metricsFileOf(flag: string | undefined, existing: ExistingConfig | undefined) {
  const recorded = existing?.doc.getIn(['metrics', 'file']);
  if (flag !== undefined) return repositoryPath(flag, '--metrics-file', 'results/metrics.json');
  if (typeof recorded !== 'string') return undefined;
  try {
    return repositoryPath(recorded, "ml-cicd.yaml's metrics.file", 'results/metrics.json');
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

export async function run(
  argv: string[],
  io: Io,
  assets: Assets = bundledAssets(),
): Promise<number> {
  const { values, positionals } = parseFlags(argv, flags, 'ml-cicd add');
  if (values.help) {
    io.out(say.help(kinds, runnerFlagsHelp()));
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
  const dir = targetDir(io, given);
  const scriptPath =
    values.script === undefined
      ? undefined
      : pathInsideRepository(dir, values.script, '--script', 'scripts/train.py');
  const addKind = kind as Kind;
  const existing = readExistingConfig(dir);
  const known = { ...recordedAnswers(dir), ...existingAnswers(existing) };
  const answers = resolveAnswers(
    {
      ...kindAnswers(addKind, known, values as Record<string, string | undefined>),
      name: values.name ?? known.name ?? nameFromFolder(basename(dir)),
    },
    basename(dir),
  );
  if (addKind !== 'dvc' && (values['dvc-deps'] || values['dvc-outs'])) {
    throw new UsageError('--dvc-deps and --dvc-outs apply only to add workflow dvc.');
  }
  const metricsFile = metricsFileOf(values['metrics-file'], existing);
  const entry = runnable(
    findEntryPoint(dir, { script: scriptPath, module: values.module }),
    dir,
    addKind,
  );
  const shown = describeEntryPoint(entry);
  // A path to an interpreter is the caller's, who may be in another folder than dir.
  const python =
    values.python && /[\\/]/.test(values.python) ? resolve(io.cwd, values.python) : values.python;
  const outcome = await readArgparse(dir, entry, { python, import: values.import ?? false });
  if (outcome.status === 'no-python') throw new UserError(say.noPython(outcome.tried));
  if (outcome.status === 'failed') throw new UserError(say.unreadable(shown, outcome.message));
  const { reading } = outcome;
  io.out(`${say.readWith(shown, reading.flags.length, reading)}\n`);
  for (const call of reading.unreadable) io.out(`note: ${say.unreadableCall(call)}\n`);
  const script = scriptParams(reading.flags, shown);
  const call = actionEntry(entry);
  if (call) script.entry = call;
  for (const sentence of script.skipped) io.out(`note: ${sentence}\n`);

  if (metricsFile) script.metricsFile = metricsFile;
  const gates = existingGates(existing);
  if (gates) script.gates = gates;
  if (addKind === 'dvc') {
    script.dvc = dvcPaths(dir, entry, { deps: values['dvc-deps'], outs: values['dvc-outs'] });
  }
  keepTeamKeys(existing, script.params, script.required);
  const dropped = keepRecordedParams(
    script,
    (existing?.doc.toJS() as { params?: unknown } | undefined)?.params,
    reading.unreadable.length > 0,
    shown,
  );
  for (const sentence of dropped) io.out(`note: ${sentence}\n`);
  const {
    files: plan,
    notes,
    requirementsIn,
  } = addPlan(dir, addKind, answers, script, assets, existing);
  if (addKind === 'dvc') notes.push(...stageNotes(script));
  for (const note of [...notes, ...cmlNotes(dir)]) io.out(`note: ${note}\n`);
  const undefaulted = script.required.filter((name) => script.params[name]?.default === '');
  if ((addKind === 'report' || addKind === 'retrain') && undefaulted.length > 0) {
    io.out(`note: ${say.trainsWithDefaults(addKind, undefaulted)}\n`);
  }
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
  const result = await writePlan(plan, dir, {
    mode: 'into-existing',
    force: true,
    dryRun,
    keepLineEndings: true,
  });
  for (const file of result.files) io.out(`${say.fileLine(file.action, file.path)}\n`);
  const warning = requirementsWarning(dir, addKind);
  if (warning && values.lock && !dryRun) io.out(`${await lock(dir, addKind)}\n`);
  else if (warning) io.err(`${warning}\n`);
  const dvcWarning = addKind === 'dvc' && dvcRequirementWarning(dir, requirementsIn);
  if (dvcWarning) io.err(`${dvcWarning}\n`);
  if (dryRun) io.out(`${result.diff}${say.dryRunDone}\n`);
  else io.out(`${result.written === 0 ? say.unchanged : say.wrote(result.written)}\n`);
  return 0;
}
