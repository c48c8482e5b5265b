/**
 * The kinds of `ml-cicd add workflow`: each feature that is one declares its name, the files it
 * writes of a project the engine made and what `--help` says of it (`Feature.add`); these are the
 * paths several kinds share.
 */

export interface AddKind {
  /** The files of the kind, among the paths of the project the engine made. */
  files: (made: readonly string[]) => string[];
  /** What `ml-cicd add --help` says it writes and what that does, one paragraph. */
  help: string;
}

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
export const runnerKind: AddKind = {
  files: (made) => [...trainFiles, ...made.filter((path) => path.startsWith('infra/'))],
  help: "train.yml for that runner, and the runner's own files under infra/ if it has any; ml-cicd.yaml records the runner, so later kinds use it too",
};
