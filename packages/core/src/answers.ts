/** The answers that decide what a project contains; every prompt and flag sets one of them. */
import type { DvcRemoteKind, RunnerKind, SecretsScope, Task } from '@ml-cicd/config';
import type { PythonVersion } from './versions.js';

export interface Answers {
  /** Project name: lowercase letters, digits and hyphens. */
  name: string;
  python: PythonVersion;
  runner: RunnerKind;
  /** The training job's time limit in minutes, for every kind of runner. */
  runnerTimeout: number;
  /** Where runs are logged besides the local files: `none`, or a tracker feature's choice value. */
  tracker: string;
  /** How data and models are versioned: `none`, or a data feature's choice value. */
  data: string;
  /** `off`, or `issue`: a weekly workflow opens an issue when a newer template exists. */
  updateCheck?: string;
  /** What the default project's model predicts; absent in older manifests, binary. */
  task?: Task;
  /** Whether jobs read environment secrets (the default) or repository secrets. */
  secretsScope?: SecretsScope;
  /** report: `yes` adds report.yml and the vendored report action (the default). */
  report?: 'yes' | 'no';
  // Each answer below belongs to one runner feature and is set only when that runner is chosen.
  /** runner-hosted: the runs-on label of training (ubuntu-latest or a larger runner). */
  hostedLabel?: string;
  /** runner-self-hosted: labels of the runner, after `self-hosted`. */
  runnerLabels?: string[];
  /** runner-ec2: where the training instance starts, the instance types to try, the market. */
  ec2Region?: string;
  ec2InstanceTypes?: string[];
  ec2Spot?: 'yes' | 'no';
  ec2DiskGb?: number;
  /** runner-arc: the scale set's installation name and its most runner pods. */
  arcScaleSet?: string;
  arcMaxRunners?: number;
  /** data-dvc: the kind of DVC remote and its URL (empty: a placeholder to replace). */
  dvcRemote?: DvcRemoteKind;
  dvcRemoteUrl?: string;
  /** release: pushes to main publish the model after a review; absent in older manifests, off. */
  release?: 'on' | 'off';
  /** retrain: how often the released model is re-evaluated on fresh data. */
  retrain?: 'monthly' | 'weekly' | 'off';
}

/** A feature option's answer: resolveAnswers sets it whenever its feature is selected. */
export function answerOf<K extends keyof Answers>(
  answers: Answers,
  key: K,
): NonNullable<Answers[K]> {
  const value = answers[key];
  if (value === undefined) throw new Error(`No answer for ${key}: resolve the answers first.`);
  return value as NonNullable<Answers[K]>;
}

const projectName = /^[a-z][a-z0-9-]*[a-z0-9]$/;

/** Why `name` is not a valid project name, or undefined when it is. */
export function projectNameProblem(name: string): string | undefined {
  if (name.length <= 64 && projectName.test(name) && !name.includes('--')) return undefined;
  return `"${name}" is not a valid project name: use 2 to 64 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen (for example my-project).`;
}

/** The Python package name of a project: `my-project` becomes `my_project`. */
export function packageName(name: string): string {
  return name.replaceAll('-', '_');
}

/** A project name derived from a folder name, when that folder name is close to valid. */
export function nameFromFolder(folder: string): string {
  return folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
}
