/** The shape of `ml-cicd.yaml`: the one source of truth of a generated project. */

export type ParamType = 'integer' | 'number' | 'boolean' | 'choice' | 'string';

export interface Param {
  type: ParamType;
  default: number | boolean | string;
  description: string;
  /** Only for `choice`. */
  choices?: string[];
  /** Only for `integer` and `number`. */
  min?: number;
  max?: number;
  /** Only for `string`: a regular expression the value must match. */
  pattern?: string;
}

export interface Gate {
  metric: string;
  /** The metric must be at least this value. */
  min?: number;
  /** The metric must be at most this value. */
  max?: number;
}

export type RunnerKind = 'hosted' | 'self-hosted';

export interface Runner {
  kind: RunnerKind;
  /** Extra labels of a self-hosted runner (after `self-hosted`). */
  labels?: string[];
  'timeout-minutes': number;
}

export interface Environment {
  description?: string;
  secrets: string[];
  variables: string[];
}

export interface MlCicdConfig {
  version: 1;
  project: { name: string; package: string };
  python: '3.10' | '3.11' | '3.12' | '3.13';
  /** Hyperparameters: each is a `train.py` flag and a `workflow_dispatch` input of `train.yml`. */
  params: Record<string, Param>;
  metrics: { file: string; gates: Gate[] };
  outputs: { dir: string };
  runner: Runner;
  environments: Record<string, Environment>;
  /** Turns named `ml-cicd validate` rules off. */
  rules?: Record<string, 'off'>;
}
