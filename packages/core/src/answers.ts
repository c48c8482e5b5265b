/** The answers that decide what a project contains; every prompt and flag sets one of them. */
import type { RunnerKind } from '@ml-cicd/config';
import type { PythonVersion } from './versions.js';

export interface Answers {
  /** Project name: lowercase letters, digits and hyphens. */
  name: string;
  python: PythonVersion;
  runner: RunnerKind;
  /** Labels of the self-hosted runner, after `self-hosted`. */
  runnerLabels: string[];
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
