/** The shape of `ml-cicd.yaml`: the one source of truth of a generated project. */

export type ParamType = 'integer' | 'number' | 'boolean' | 'choice' | 'string';

/** A hyperparameter: a `train.py` flag and a `workflow_dispatch` input of `train.yml`. */
export interface Param {
  type: ParamType;
  /** A number for `integer` (whole) and `number`, a boolean for `boolean`, a string otherwise. */
  default: number | boolean | string;
  description: string;
  /** Only for `choice`: the accepted values, `default` among them. */
  choices?: string[];
  /** Only for `integer` and `number`: the smallest accepted value. */
  min?: number;
  /** Only for `integer` and `number`: the largest accepted value. */
  max?: number;
  /** Only for `string`: a regular expression the value must match. */
  pattern?: string;
  /**
   * Only for `string`: `+` when the flag takes several values (argparse's `nargs='+'`); the value
   * is split on spaces and passed as separate arguments after the flag (`--alphas 0.1 1.0`).
   */
  nargs?: '+';
}

/** A metric threshold a training run must meet. */
export interface Gate {
  metric: string;
  /** The metric must be at least this value. */
  min?: number;
  /** The metric must be at most this value. */
  max?: number;
}

/**
 * Where the training job runs: `kind` is the `--runner` value of a runner feature, which declares
 * the keys its kind has besides the timeout (src/schema/kinds.generated.ts).
 */
export interface Runner {
  kind: string;
  'timeout-minutes': number;
  [setting: string]: unknown;
}

/** A GitHub Environment: the secrets and variables the training job may read. */
export interface Environment {
  description?: string;
  /** Secret names (values live in GitHub, never in files). */
  secrets: string[];
  /** Configuration variable names. */
  variables: string[];
}

export type SecretsScope = 'environment' | 'repo';

/**
 * How data and models are versioned: `kind` is the `--data` value of a data feature, which
 * declares the keys its kind has (src/schema/kinds.generated.ts).
 */
export interface Data {
  kind: string;
  [setting: string]: unknown;
}

/** Where runs are logged besides the local files (settings come from environment variables). */
export interface Tracker {
  /** `none`, or the `--tracker` value of a tracker feature (src/schema/kinds.generated.ts). */
  kind: string;
}

export type PythonVersion = '3.10' | '3.11' | '3.12' | '3.13';

/** What the default project's model predicts: two classes, more, or a number. */
export type Task = 'binary' | 'multiclass' | 'regression';

/** The file the generated project trains on, relative to the repository root. */
export interface DatasetConfig {
  path: string;
  /** The column the model predicts; absent means `target`. */
  target?: string;
}

/** How the workflows install the project and call its script, besides the params. */
export interface TrainSettings {
  /** The hash-locked requirements file the workflows install; absent means `requirements.txt`. */
  requirements?: string;
  /** The repository is a package: installed editable, without dependencies, after the requirements. */
  'install-project'?: boolean;
  /** Arguments every training run passes first, before the params' own. */
  args?: string[];
  /** How each param is passed; absent means `flags`. */
  'params-as'?: ParamsAs;
}

/**
 * `flags`: `--name=value`, argparse's way. `overrides`: `name=value`, the way a Hydra app sets a key
 * of its config.
 */
export type ParamsAs = 'flags' | 'overrides';

/** How report.yml trains. */
export interface ReportSettings {
  /** Passed after `train.args` instead of the params' defaults, so a report run stays short. */
  args?: string[];
}

export interface MlCicdConfig {
  version: 1;
  project: { name: string; package: string };
  python: PythonVersion;
  /** Absent means `binary`, as in every project made before tasks. */
  task?: Task;
  /** Absent: the task's data set bundled with scikit-learn. */
  dataset?: DatasetConfig;
  /** Hyperparameters: each is a `train.py` flag and a `workflow_dispatch` input of `train.yml`. */
  params: Record<string, Param>;
  metrics: { file: string; gates: Gate[] };
  /** Absent: install requirements.txt, and pass the params alone. */
  train?: TrainSettings;
  /** Absent: report.yml passes the params' defaults of the flags the script requires. */
  report?: ReportSettings;
  outputs: { dir: string };
  runner: Runner;
  /** Absent means `none`: runs are logged to the local files only. */
  tracker?: Tracker;
  environments: Record<string, Environment>;
  data?: Data;
  /** Absent means `environment`: jobs bind their environment; `repo`: they read repository secrets. */
  'secrets-scope'?: SecretsScope;
  /** Turns named `ml-cicd validate` rules off. */
  rules?: Record<string, 'off'>;
}
