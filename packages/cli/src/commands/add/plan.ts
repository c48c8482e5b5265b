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
  dvcWorkflowPath,
  hashContent,
  manifestJson,
  manifestPath,
  type Answers,
  type Assets,
  type Manifest,
  type ScriptParams,
} from '@ml-cicd/core';
import { earlierManifest } from './earlier-manifest.js';
import { mergeConfig, type ExistingConfig } from './existing-config.js';
import { dependabotPath, mergeDependabot, type Merged } from './merge-dependabot.js';
import { actionlintPath, mergeSettings, zizmorPath } from './merge-settings.js';

const trainFiles = ['.github/workflows/train.yml', '.github/actions/train/action.yml'];
const reportActionFiles = [
  '.github/actions/report/action.yml',
  '.github/actions/report/dist/index.js',
  '.github/actions/report/dist/package.json',
];

/** A runner's own files: the infrastructure it is set up with. */
const runnerOwnFiles = (paths: string[]) => paths.filter((path) => path.startsWith('infra/'));

interface KindSpec {
  /** The files the kind writes, of those the engine made. */
  files: (made: string[]) => string[];
}

const fixed = (files: string[]): KindSpec => ({ files: () => files });

const runnerKind: KindSpec = { files: (made) => [...trainFiles, ...runnerOwnFiles(made)] };

/** The kinds the engine has, and the files each owns. */
export const kindSpecs = {
  train: fixed(trainFiles),
  test: fixed([
    '.github/workflows/ci.yml',
    '.github/workflows/checks.yml',
    '.github/actions/ml-cicd/action.yml',
    '.github/actions/ml-cicd/index.mjs',
    '.github/actions/ml-cicd/read_argparse.py',
  ]),
  // The report trains with the train action, then runs the vendored report action.
  report: fixed(['.github/workflows/report.yml', trainFiles[1]!, ...reportActionFiles]),
  retrain: fixed(['.github/workflows/retrain.yml', trainFiles[1]!, ...reportActionFiles]),
  dvc: fixed([dvcWorkflowPath, 'dvc.yaml', 'params.yaml', '.dvc/config', '.dvc/.gitignore']),
  hosted: fixed(trainFiles),
  'self-hosted': runnerKind,
  ec2: runnerKind,
  arc: runnerKind,
} satisfies Record<string, KindSpec>;

export type Kind = keyof typeof kindSpecs;

export const runnerKinds = ['hosted', 'self-hosted', 'ec2', 'arc'] as const;

export function isRunnerKind(kind: Kind): kind is (typeof runnerKinds)[number] {
  return (runnerKinds as readonly string[]).includes(kind);
}

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

export function addPlan(
  dir: string,
  kind: Kind,
  answers: Answers,
  script: ScriptParams,
  assets: Assets,
  existing?: ExistingConfig,
): { files: Map<string, string>; notes: string[]; requirementsIn: string } {
  const project = buildProject(answers, assets, script);
  const files = new Map<string, string>();
  const notes: string[] = [];
  const owned = kindSpecs[kind].files([...project.files.keys()]);
  for (const path of [...sharedFiles, ...owned].sort()) {
    const content = project.files.get(path);
    if (content === undefined) throw new Error(`The engine wrote no ${path}.`);
    if (keptWhenPresent.has(path) && existsSync(join(dir, path))) {
      notes.push(`${path} is kept as it is: the repository has its own.`);
      continue;
    }
    files.set(path, content);
  }
  // The kind decides these keys: a runner kind the runner, dvc the data.
  const decided = isRunnerKind(kind) ? ['runner'] : kind === 'dvc' ? ['data'] : [];
  if (existing) {
    files.set('ml-cicd.yaml', lf(mergeConfig(existing, files.get('ml-cicd.yaml')!, decided)));
  }
  for (const [path, merge] of Object.entries(mergers)) {
    const theirs = join(dir, path);
    if (!existsSync(theirs)) continue;
    const merged = merge(readFileSync(theirs, 'utf8'), files.get(path)!);
    files.set(path, lf(merged.content));
    notes.push(...merged.notes);
  }
  const earlier = earlierManifest(dir);
  const recorded = { ...earlier?.files };
  for (const [path, content] of files) recorded[path] = hashContent(content);
  const manifest: Manifest = {
    generator: project.manifest.generator,
    answers,
    features: earlier?.features ?? project.manifest.features,
    files: Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => codeUnitOrder(a, b))),
  };
  files.set(manifestPath, manifestJson(manifest));
  return { files, notes, requirementsIn: project.files.get('requirements.in') ?? '' };
}
