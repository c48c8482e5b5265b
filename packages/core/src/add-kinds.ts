/**
 * The kinds of `ml-cicd add workflow`: each feature that is one declares its name and the files it
 * writes of a project the engine made (`Feature.add`); these are the paths several kinds share.
 */

/** The files of a kind, among the paths of the project the engine made. */
export type AddKindFiles = (made: readonly string[]) => string[];

export const trainActionFile = '.github/actions/train/action.yml';

/** Training on demand: the workflow and the local action it runs. */
export const trainFiles = ['.github/workflows/train.yml', trainActionFile];

/** The vendored report action, which the pull request report and re-evaluation run. */
export const reportActionFiles = [
  '.github/actions/report/action.yml',
  '.github/actions/report/dist/index.js',
  '.github/actions/report/dist/package.json',
];

/** A runner's kind: training on that runner, and the infrastructure it is set up with. */
export const runnerKindFiles: AddKindFiles = (made) => [
  ...trainFiles,
  ...made.filter((path) => path.startsWith('infra/')),
];
