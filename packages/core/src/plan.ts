/**
 * The plan builder: answers in, a plan (relative path -> content) out. `create`, `add workflow`,
 * `update` and `--dry-run` all start here and hand the plan to the one writer.
 */
import type {
  DatasetConfig,
  Gate,
  MlCicdConfig,
  Param,
  ReportSettings,
  TrainSettings,
} from '@ml-cicd/config';
import { packageName, type Answers } from './answers.js';
import { codeUnitOrder } from './compare.js';
import { taskOption } from './features/base/task.js';
import { features, type FeatureId } from './features/index.js';
import type { Feature } from './features/types.js';
import {
  lockKey,
  readLocks,
  requirementsDevIn,
  requirementsIn,
  withDependencies,
} from './locks.js';
import { hashContent, manifestJson, manifestPath, type Manifest } from './manifest.js';
import { ProjectModel, type ScriptCall } from './model.js';
import { answerOf } from './option-types.js';
import { actionlintYaml, envExample, mlCicdYaml, readme } from './render.js';
import { TemplateReader, type Assets } from './templates.js';
import { toYaml } from './yaml.js';
import pkg from '../package.json' with { type: 'json' };

/** What the manifest records as the generator: the engine, whichever entry point ran it. */
export const generator = { name: 'ml-cicd', version: pkg.version } as const;

export interface ProjectPlan {
  files: Map<string, string>;
  manifest: Manifest;
  /** What its ml-cicd.yaml says, as the features composed it. */
  config: MlCicdConfig;
}

/** The features a set of answers selects, in registry order. */
export function selectedFeatures(answers: Answers): Feature<FeatureId>[] {
  const chosen = new Set<string>(
    features
      .filter((feature) =>
        feature.choice
          ? answers[feature.choice.option] === feature.choice.value
          : !feature.serves && !feature.needs && (feature.on?.holds(answers) ?? true),
      )
      .map((feature) => feature.id),
  );
  return features.filter((feature) => {
    if (feature.serves) return feature.serves.some((id) => chosen.has(id));
    if (feature.needs) return feature.needs.every((id) => chosen.has(id));
    return chosen.has(feature.id);
  });
}

/** Of a manifest's features, those the scaffold's message names: none that only serves others. */
export function namedFeatures(ids: readonly string[]): string[] {
  return ids.filter((id) => !features.find((feature) => feature.id === id)?.serves);
}

function initialConfig(answers: Answers): MlCicdConfig {
  const task = answerOf(answers, taskOption);
  return {
    version: 1,
    project: { name: answers.name, package: packageName(answers.name) },
    python: answers.python,
    // Absent means binary: the projects made before tasks, and every binary one since, read alike.
    // The question is base's; its answer is written here, where the key belongs in the file.
    ...(task !== 'binary' ? { task } : {}),
    params: {},
    metrics: { file: 'outputs/metrics.json', gates: [] },
    outputs: { dir: 'outputs' },
    runner: { kind: answers.runner, 'timeout-minutes': answers.runnerTimeout },
    // A tracker feature puts its own kind here.
    tracker: { kind: 'none' },
    environments: {
      training: {
        description:
          'Secrets and variables of the training job; protect it with required reviewers.',
        secrets: [],
        variables: [],
      },
    },
  };
}

/** A repository's own training script with its params, which `add workflow` builds for. */
export interface ScriptParams extends ScriptCall {
  params: Record<string, Param>;
  /** The gates the repository's ml-cicd.yaml already holds. */
  gates?: Gate[];
  /** ml-cicd.yaml's `train` and `report`: what add found or the team recorded. */
  train?: TrainSettings;
  report?: ReportSettings;
}

/**
 * ml-cicd.yaml's params, gates and data file as the team has them now, which `ml-cicd sync`
 * renders the workflows and DVC files from in place of what the features contribute.
 */
export interface ConfiguredParams {
  params: Record<string, Param>;
  gates: Gate[];
  /** Absent: the bundled data set. */
  dataset?: DatasetConfig;
}

/** The model after every selected feature has contributed to it. */
export function buildModel(
  answers: Answers,
  assets: Assets,
  script?: ScriptParams,
  configured?: ConfiguredParams,
): ProjectModel {
  const config = initialConfig(answers);
  if (script) {
    config.params = script.params;
    if (script.metricsFile) config.metrics.file = script.metricsFile;
    // The default project's gates name its own metrics; a script of the team's has others.
    config.metrics.gates = script.gates ?? [];
    if (script.train) config.train = script.train;
    if (script.report) config.report = script.report;
  }
  const model = new ProjectModel(config, script);
  const templates = new TemplateReader(assets, {
    project: config.project.name,
    pkg: config.project.package,
  });
  const selected = selectedFeatures(answers);
  const ids = new Set<string>(selected.map((feature) => feature.id));
  for (const feature of selected) {
    feature.contribute(model, { answers, selected: ids, templates });
  }
  // The files that read them are built after this, from the final model.
  if (configured) {
    model.config.params = configured.params;
    model.config.metrics.gates = configured.gates;
    if (configured.dataset) model.config.dataset = configured.dataset;
  }
  return model;
}

function requirementFiles(model: ProjectModel, assets: Assets): [string, string][] {
  const runtimeIn = requirementsIn(model.requirements);
  const devIn = requirementsDevIn(model.devRequirements);
  const locks = readLocks(assets.templatesDir, lockKey(runtimeIn, devIn));
  if (!locks) {
    throw new Error(
      `No requirement lock for this combination of features (key ${lockKey(runtimeIn, devIn)}): run pnpm lock:python.`,
    );
  }
  return [
    ['requirements.in', runtimeIn],
    ['requirements-dev.in', devIn],
    ['requirements.txt', locks['requirements.txt']],
    ['requirements-dev.txt', locks['requirements-dev.txt']],
  ];
}

function withIgnored(gitignore: string, sections: ProjectModel['gitignore']): string {
  return [
    gitignore,
    ...sections.map(({ comment, lines }) => `# ${comment}\n${lines.join('\n')}\n`),
  ].join('\n');
}

export function buildProject(
  answers: Answers,
  assets: Assets,
  script?: ScriptParams,
  configured?: ConfiguredParams,
): ProjectPlan {
  const model = buildModel(answers, assets, script, configured);
  const files = new Map(model.files);
  const gitignore = files.get('.gitignore');
  if (gitignore !== undefined) files.set('.gitignore', withIgnored(gitignore, model.gitignore));
  const pyproject = files.get('pyproject.toml');
  if (pyproject !== undefined) {
    files.set('pyproject.toml', withDependencies(pyproject, model.requirements));
  }
  const composed: [string, string][] = [
    ['ml-cicd.yaml', mlCicdYaml(model, generator.version)],
    ...requirementFiles(model, assets),
    ...[...model.yamlFiles].map(([path, file]): [string, string] => [
      path,
      toYaml(file.build(model), file.comment, file.notes),
    ]),
    ['.github/actionlint.yaml', actionlintYaml(model)],
    ['.env.example', envExample(model)],
    ['README.md', readme(model)],
  ];
  for (const [path, content] of composed) {
    if (files.has(path)) throw new Error(`Two parts of the engine write ${path}.`);
    files.set(path, content);
  }
  const manifest: Manifest = {
    generator,
    answers,
    features: selectedFeatures(answers).map((feature) => feature.id),
    files: Object.fromEntries(
      [...files]
        .sort(([a], [b]) => codeUnitOrder(a, b))
        .map(([path, content]) => [path, hashContent(content)]),
    ),
  };
  files.set(manifestPath, manifestJson(manifest));
  const sorted = new Map([...files].sort(([a], [b]) => codeUnitOrder(a, b)));
  return { files: sorted, manifest, config: model.config };
}
