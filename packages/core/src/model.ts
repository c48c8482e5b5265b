/**
 * The project model that feature modules contribute to. It holds data, not text: the engine
 * serialises it into files once every feature has contributed.
 */
import type { MlCicdConfig } from '@ml-cicd/config';
import { Requirements } from './versions.js';

export interface EnvVar {
  name: string;
  description: string;
  /** A secret's value never appears in files; `.env.example` shows it empty. */
  secret: boolean;
  /** Shown commented out in `.env.example` when reading the variable is optional. */
  default?: string;
}

export interface ReadmeSection {
  title: string;
  /** Markdown; a function when it lists what other features contribute. */
  body: string | ((model: ProjectModel) => string);
  /** Sections are sorted by this, then by title. */
  order: number;
}

/** A job of the training workflow that brings the training runner up before training starts. */
export interface LaunchJob {
  /** The job id: the training job `needs:` it. */
  id: string;
  build: (model: ProjectModel) => Record<string, unknown>;
}

/** A job of the training workflow that takes the runner down after training, whatever happened. */
export interface TeardownJob {
  id: string;
  /** `trainingJob`: the id of the job that runs on the runner, which this job waits for. */
  build: (model: ProjectModel, trainingJob: string) => Record<string, unknown>;
}

/** Where jobs run, decided by the runner feature. */
export interface RunnerSpec {
  /** The `runs-on` value of the training job. */
  runsOn: string | string[];
  /** The `runs-on` value of lint and tests on pushes and same-repository pull requests. */
  checksRunsOn: string | string[];
  /** Custom labels, declared for actionlint in `.github/actionlint.yaml`. */
  labels: string[];
  /** The runner must never run code from a fork's pull request (self-hosted, cloud, pool). */
  trustedCodeOnly: boolean;
  /** A job that starts the runner first, when the runner exists only on demand. */
  launch?: LaunchJob;
  /** A job that takes the on-demand runner down after the training job. */
  teardown?: TeardownJob;
  /** Steps the training job runs right after checkout, e.g. showing the GPU in the log. */
  setupSteps: Record<string, unknown>[];
}

/**
 * How an input reaches the script, when not as `--name=value` (`name=value` for a Hydra app):
 * - `when-set`: so, but left out when the input is empty (the script keeps its own default);
 * - `switch`: ticked, the flag alone; not ticked, nothing;
 * - `negatable`: ticked, `--name`; not ticked, `--no-name`;
 * - `count`: the flag as many times as the input says (`-v -v`);
 * - `positional`: the bare value;
 * - `{ true, false }`: the flag with the text that means ticked or not (`--amp=yes`).
 * A list param (`nargs: '+'`) passes its flag, or nothing when positional, then its values.
 */
export type Passing =
  'when-set' | 'switch' | 'negatable' | 'count' | 'positional' | { true: string; false: string };

/**
 * A repository's own training script (`add workflow`), which the workflows run instead of the
 * default project's `train.py`: how each param is passed when not as `--name=value`, and the
 * flags it requires.
 */
export interface ScriptCall {
  passing: Record<string, Passing>;
  required: string[];
  /** How the train action runs the script, when it is not `python train.py`. */
  entry?: { script: string } | { module: string };
  /** The JSON file the script writes its metrics to, when it is not `<outputs>/metrics.json`. */
  metricsFile?: string;
  /** What the DVC stage that runs the script reads and writes, besides its params. */
  dvc?: { deps: string[]; outs: string[] };
}

/** Where lint, tests and the small jobs run: they may follow GitHub's newest image. */
export const hostedRunner = 'ubuntu-latest';

/**
 * Where training runs on a GitHub-hosted runner: a named image, so a run can be repeated
 * (`ubuntu-latest` moved to Ubuntu 26.04 in November 2026).
 */
export const hostedTrainingImage = 'ubuntu-24.04';

/** Where a job that trains on the checks runner runs: the named image instead of the moving one. */
export function trainingOnChecksRunner(runner: RunnerSpec): RunnerSpec['checksRunsOn'] {
  return runner.checksRunsOn === hostedRunner ? hostedTrainingImage : runner.checksRunsOn;
}

/**
 * A model registry the release publishes to, declared by the feature that knows it: the publish
 * job runs `python <module>.py release` with these settings of the release environment.
 */
export interface ModelRegistry {
  module: string;
  variables: string[];
  secrets: string[];
  /** The README's paragraph on what registering does. */
  readme: (model: ProjectModel) => string;
}

/** A YAML file built from the final model, so every feature's contribution is in it. */
export interface YamlFile {
  build: (model: ProjectModel) => unknown;
  /** The header comment, without `#`. */
  comment?: string;
  /** Comments put before keys, by dotted path (`template.spec.nodeSelector`), without `#`. */
  notes?: Record<string, string>;
}

export class ProjectModel {
  /** Files copied as they are: relative posix path -> content. */
  readonly files = new Map<string, string>();
  readonly yamlFiles = new Map<string, YamlFile>();
  readonly requirements = new Requirements();
  readonly devRequirements = new Requirements();
  readonly envVars: EnvVar[] = [];
  readonly readme: ReadmeSection[] = [];
  /** `vars.*` names the workflows read, declared for actionlint. */
  readonly configVariables = new Set<string>();
  /** What a secret or variable only the workflows read is, and where to get it, by name. */
  readonly settingDocs = new Map<string, string>();
  /** Secrets and variables of the training environment the training step reads, by name. */
  readonly trainingEnv: { name: string; secret: boolean }[] = [];
  /** More jobs of ci.yml by id, built from the final model, after lint and tests. */
  readonly ciJobs = new Map<string, (model: ProjectModel) => unknown>();
  /** Sections a feature adds to .gitignore, after base's: what its runs write, by a comment. */
  readonly gitignore: { comment: string; lines: string[] }[] = [];
  /** Where the release publishes the model besides the GitHub release; set before release runs. */
  modelRegistry?: ModelRegistry;
  /** More package ecosystems for Dependabot to keep up to date, beside pip and actions. */
  readonly dependabot: { 'package-ecosystem': string; directory: string }[] = [];
  runner: RunnerSpec = {
    runsOn: hostedTrainingImage,
    checksRunsOn: hostedRunner,
    labels: [],
    trustedCodeOnly: false,
    setupSteps: [],
  };

  constructor(
    readonly config: MlCicdConfig,
    /** The repository's own training script, when `add workflow` builds for one. */
    readonly script?: ScriptCall,
  ) {}

  /** Sets the runner's own keys of ml-cicd.yaml, between `kind` and `timeout-minutes`. */
  setRunnerConfig(
    fields: Record<string, unknown> & { kind?: never; 'timeout-minutes'?: never },
  ): void {
    const { kind, 'timeout-minutes': timeout } = this.config.runner;
    this.config.runner = { kind, ...fields, 'timeout-minutes': timeout };
  }

  /**
   * Declares a secret or variable of the training environment and hands it to the training step
   * as an environment variable of the same name.
   */
  passToTraining(name: string, secret: boolean): void {
    const [environment = 'training'] = Object.keys(this.config.environments);
    const settings = this.config.environments[environment];
    if (!settings) throw new Error(`No environment ${environment} in ml-cicd.yaml.`);
    (secret ? settings.secrets : settings.variables).push(name);
    if (!secret) this.configVariables.add(name);
    this.trainingEnv.push({ name, secret });
  }

  /** `environment: name` for a job, or nothing with `secrets-scope: repo` (no environments). */
  bindEnvironment(name: string): { environment?: string } {
    return this.config['secrets-scope'] === 'repo' ? {} : { environment: name };
  }

  /** Where a job bound to `name` finds its settings, in words: "the data environment". */
  settingsPlace(name: string): string {
    return this.config['secrets-scope'] === 'repo' ? 'the repository' : `the ${name} environment`;
  }

  /**
   * The `environment:` of a job that reads the training environment's secrets and variables;
   * none with `secrets-scope: repo`, where the jobs read repository secrets instead.
   */
  jobEnvironment(): { environment?: string } {
    const [environment = 'training'] = Object.keys(this.config.environments);
    return this.bindEnvironment(environment);
  }

  /** The `env:` of the training step: each secret and variable referenced one by one (W09). */
  trainingStepEnv(): { env?: Record<string, string> } {
    if (this.trainingEnv.length === 0) return {};
    const ref = ({ name, secret }: { name: string; secret: boolean }) =>
      `\${{ ${secret ? 'secrets' : 'vars'}.${name} }}`;
    return { env: Object.fromEntries(this.trainingEnv.map((entry) => [entry.name, ref(entry)])) };
  }

  addFile(path: string, content: string): void {
    if (this.files.has(path) || this.yamlFiles.has(path)) {
      throw new Error(`Two features write ${path}.`);
    }
    this.files.set(path, content);
  }

  addYaml(path: string, file: YamlFile): void {
    if (this.files.has(path) || this.yamlFiles.has(path)) {
      throw new Error(`Two features write ${path}.`);
    }
    this.yamlFiles.set(path, file);
  }
}
