/**
 * The files `add workflow <kind>` writes: the engine's default project built with the script's
 * params, cut down to the kind's workflows and the repository files they need, and a manifest
 * that records them beside what an earlier run recorded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildProject,
  codeUnitOrder,
  type AddKind,
  features,
  generator,
  hashContent,
  manifestJson,
  manifestPath,
  type Answers,
  type Assets,
  type Manifest,
  type ScriptParams,
  yamlOptions,
} from '@ml-cicd/core';
import { isMap, isScalar, parseDocument } from 'yaml';
import { keptPipelineFiles } from './dvc.js';
import { earlierManifest } from './earlier-manifest.js';
import { mergeConfig, type ExistingConfig } from './existing-config.js';
import { dependabotPath, mergeDependabot, type Merged } from './merge-dependabot.js';
import {
  actionlintPath,
  mergeSettings,
  withWorkflowVariables,
  zizmorPath,
} from './merge-settings.js';

/** The kinds that are runners: train.yml runs on one, so adding one replaces another. */
export const runnerKinds: readonly string[] = features.flatMap((feature) =>
  feature.choice?.option === 'runner' ? Object.keys(feature.add ?? {}) : [],
);

export function isRunnerKind(kind: Kind): boolean {
  return runnerKinds.includes(kind);
}

/** The answer a kind decides, as its feature is chosen: a runner's kind the runner, dvc the data. */
export function kindChoice(kind: Kind): { option: string; value: string } | undefined {
  return features.find((feature) => kind in (feature.add ?? {}))?.choice;
}

export type Kind = string;

/**
 * The kinds, the files each writes and what --help says of it, as their features declare them (`add` of base, data-dvc,
 * retrain, report and the runners): the workflows in registry order, then the runners.
 */
export const kindSpecs: Readonly<Record<string, AddKind>> = Object.fromEntries(
  features
    .flatMap((feature) => Object.entries(feature.add ?? {}))
    .sort(([a], [b]) => Number(isRunnerKind(a)) - Number(isRunnerKind(b))),
);

/** A DVC setup the repository already has is the team's: kept, never a conflict. */
const keptWhenPresent = new Set(['.dvc/config', '.dvc/.gitignore']);

/** Every kind needs these: the source of truth, and the settings of actionlint, zizmor and Dependabot. */
const sharedFiles = [
  'ml-cicd.yaml',
  '.github/actionlint.yaml',
  '.github/zizmor.yml',
  '.github/dependabot.yml',
];

/**
 * A merge returns a file it leaves alone as it is; the plan holds LF text, so the manifest's hash
 * is the same whatever the checkout's line endings (the writer gives the file back its CRLF).
 */
const lf = (text: string) => text.replaceAll('\r\n', '\n');

/** The repository's own settings files, which get what the workflows need merged in. */
const mergers: Record<string, (theirs: string, ours: string) => Merged> = {
  [dependabotPath]: mergeDependabot,
  [actionlintPath]: (theirs, ours) => mergeSettings(actionlintPath, theirs, ours),
  [zizmorPath]: (theirs, ours) => mergeSettings(zizmorPath, theirs, ours),
};

/** Files merged with what the repository has instead of replaced: never a conflict. */
export const mergedPaths: ReadonlySet<string> = new Set([
  manifestPath,
  'ml-cicd.yaml',
  ...Object.keys(mergers),
]);

/** What the manifest records of the `add` runs: what `update` and a later `add` render again. */
export interface Added {
  /** The kinds added so far, in the order of kindSpecs. */
  kinds: Kind[];
  /** The script's params and call as last rendered. */
  script: ScriptParams;
  /** Paths the workflows were written at instead of the engine's, e.g. a team's own ci.yml. */
  moved?: Record<string, string>;
}

export type AddedManifest = Manifest & { added?: Added };

/**
 * The files of `kinds` as the engine renders them, before any merge with the team's files:
 * the shared files and each kind's own, at the paths `moved` gives.
 */
export function renderKinds(
  answers: Answers,
  assets: Assets,
  script: ScriptParams,
  kinds: Kind[],
  moved: Record<string, string> = {},
): { files: Map<string, string>; features: string[]; requirementsIn: string } {
  const project = buildProject(answers, assets, script);
  const made = [...project.files.keys()];
  const paths = new Set([...sharedFiles, ...kinds.flatMap((kind) => kindSpecs[kind]!.files(made))]);
  const files = new Map<string, string>();
  for (const path of [...paths].sort()) {
    const content = project.files.get(path);
    if (content === undefined) throw new Error(`The engine wrote no ${path}.`);
    files.set(moved[path] ?? path, content);
  }
  const config = files.get('ml-cicd.yaml');
  if (config !== undefined) files.set('ml-cicd.yaml', withUsedEnvironments(config, files));
  const features = project.manifest.features;
  return { files, features, requirementsIn: project.files.get('requirements.in') ?? '' };
}

/**
 * ml-cicd.yaml without the environments of workflows that were not added (a release environment
 * beside train.yml alone); `training` always stays, as the one the secrets commands set up.
 */
function withUsedEnvironments(config: string, files: Map<string, string>): string {
  const doc = parseDocument(config);
  const environments = doc.get('environments');
  if (!isMap(environments)) return config;
  const workflows = [...files]
    .filter(([path]) => path.startsWith('.github/workflows/'))
    .map(([, text]) => text);
  const unused = environments.items
    .map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key))
    .filter((name) => name !== 'training')
    .filter((name) => {
      const bound = new RegExp(`environment:\\s*(?:name:\\s*)?["']?${name}["']?\\s*$`, 'm');
      return !workflows.some((text) => bound.test(text));
    });
  if (unused.length === 0) return config;
  for (const name of unused) environments.delete(name);
  return doc.toString(yamlOptions);
}

/**
 * The features an added project records, of those the engine selected: one always on or chosen
 * by an option (runner, tracker, data); one an answer of its own turns on (report, retrain) only
 * when one of its kinds is added; one that serves or adds to others (model-modules,
 * registry-mlflow), or release, never.
 */
export function kindsFeatures(selected: string[], kinds: Kind[]): string[] {
  return selected.filter((id) => {
    const feature = features.find((candidate) => candidate.id === id);
    if (!feature) return false;
    if (!feature.on && !feature.serves && !feature.needs) return true;
    return kinds.some((kind) => kind in (feature.add ?? {}));
  });
}

/** A manifest `npm create ml-cicd` wrote: the whole project, which `add` only adds files to. */
const createdProject = (manifest: AddedManifest | undefined) =>
  manifest !== undefined && !manifest.added && 'README.md' in manifest.files;

/**
 * The keys of the script that render the files, not the notes of a reading; a value that renders
 * as its absence is left out, so the same files are recorded the same way.
 */
function recordedScript(script: ScriptParams): ScriptParams {
  const { params, passing, required, entry, metricsFile, dvc, gates, train, report } = script;
  return {
    params,
    passing,
    required,
    entry,
    metricsFile: metricsFile === 'outputs/metrics.json' ? undefined : metricsFile,
    dvc,
    gates: gates?.length ? gates : undefined,
    train,
    report,
  };
}

/** The kinds an earlier `add` recorded, with this one, in the order of kindSpecs. */
export function addedKinds(earlier: Kind[], kind: Kind): Kind[] {
  const all = new Set([...earlier, kind]);
  // A runner kind replaces another: train.yml runs on one runner.
  if (isRunnerKind(kind)) for (const other of runnerKinds) if (other !== kind) all.delete(other);
  return (Object.keys(kindSpecs) as Kind[]).filter((name) => all.has(name));
}

export function addPlan(
  dir: string,
  kind: Kind,
  answers: Answers,
  script: ScriptParams,
  assets: Assets,
  existing?: ExistingConfig,
  moved: Record<string, string> = {},
): { files: Map<string, string>; notes: string[]; requirementsIn: string } {
  const earlier = earlierManifest(dir) as AddedManifest | undefined;
  const rendered = renderKinds(answers, assets, script, [kind], moved);
  const files = new Map<string, string>();
  const notes: string[] = [];
  const keptPipeline = keptPipelineFiles(dir);
  for (const [path, content] of rendered.files) {
    if ((keptWhenPresent.has(path) || keptPipeline.has(path)) && existsSync(join(dir, path))) {
      notes.push(`${path} is kept as it is: the repository has its own.`);
      continue;
    }
    files.set(path, content);
  }
  // The kind decides these keys: a runner kind the runner, dvc the data.
  const choice = kindChoice(kind);
  const decided = choice ? [choice.option] : [];
  if (answers.tracker !== 'none' || existing?.doc.hasIn(['tracker'])) decided.push('tracker');
  if (existing) {
    files.set('ml-cicd.yaml', lf(mergeConfig(existing, files.get('ml-cicd.yaml')!, decided)));
  }
  files.set(actionlintPath, withWorkflowVariables(dir, files.get(actionlintPath)!));
  for (const [path, merge] of Object.entries(mergers)) {
    const theirs = join(dir, path);
    if (!existsSync(theirs)) continue;
    const merged = merge(readFileSync(theirs, 'utf8'), files.get(path)!);
    files.set(path, lf(merged.content));
    notes.push(...merged.notes);
  }
  const recorded = { ...earlier?.files };
  for (const [path, content] of files) recorded[path] = hashContent(content);
  const kinds = addedKinds(earlier?.added?.kinds ?? [], kind);
  const allMoved = { ...earlier?.added?.moved, ...moved };
  const manifest: AddedManifest = {
    generator,
    answers,
    features: kindsFeatures(rendered.features, kinds),
    files: Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => codeUnitOrder(a, b))),
    added: {
      kinds,
      script: recordedScript(script),
      ...(Object.keys(allMoved).length > 0 ? { moved: allMoved } : {}),
    },
  };
  if (createdProject(earlier)) {
    manifest.features = earlier!.features;
    delete manifest.added;
  }
  files.set(manifestPath, manifestJson(manifest));
  return { files, notes, requirementsIn: rendered.requirementsIn };
}
