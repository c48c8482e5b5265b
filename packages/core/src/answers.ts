/**
 * The answers that decide what a project contains; every prompt and flag sets one of them. The
 * questions of options.ts are named here; each feature declares its own questions, and reads
 * their answers, in its folder (`defineOption`, `answerOf`).
 */
import type { PythonVersion } from './versions.js';

/** What an answer holds: a choice or a text, a whole number, or a list. */
export type AnswerValue = string | number | readonly string[];

export interface Answers {
  /** Project name: lowercase letters, digits and hyphens. */
  name: string;
  python: PythonVersion;
  /** Where training runs: a runner feature's choice value. */
  runner: string;
  /** The training job's time limit in minutes, for every kind of runner. */
  runnerTimeout: number;
  /** Where runs are logged besides the local files: `none`, or a tracker feature's choice value. */
  tracker: string;
  /** How data and models are versioned: `none`, or a data feature's choice value. */
  data: string;
  /** `off`, or `issue`: a weekly workflow opens an issue when a newer template exists. */
  updateCheck?: string;
  /**
   * The answers of the questions features own (`task`, `ec2Region`, `report`…), by key: set
   * whenever the feature that asks it is selected, absent otherwise.
   */
  [key: string]: AnswerValue | undefined;
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
