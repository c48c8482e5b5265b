/** What `ml-cicd update` says, apart from its logic. */
import { manifestPath } from '@ml-cicd/core';
import type { FileUpdate, Outcome } from './merge.js';

export const usage = 'update [dir]';

export const summary = 'bring a generated project up to a newer template, keeping your edits';

export const help = (bundled: string) => `Usage: ml-cicd update [dir] [flags]

Bring the project in dir (default: the current folder) up to a newer ml-cicd template. The
version and answers recorded in ${manifestPath} render the project as it was made; the new
version renders it again with the same answers; each file is then merged three ways: files you
never touched are updated, your edits are kept, and changes that clash are conflicts you resolve.
Needs git and a clean tree (commit or stash first), so every change is yours to review and undo.

Flags:
  --to <version>             the version to update to (default: this ml-cicd's, ${bundled});
                             other versions are fetched as create-ml-cicd@<version> with npm
  --conflicts <inline|rej>   a conflict as <<<<<<< markers in the file (default), or the file
                             left as it is and the template's change in <file>.rej
  --dry-run                  write nothing; print what would happen to each file
  --check                    only compare the version that made the project with the newest
                             create-ml-cicd on the npm registry: exit 1 when it is newer
  --json                     print the result as JSON
  --<answer> <value>         change an answer on the way, with create-ml-cicd's flag, e.g.
                             --tracker mlflow or --hosted-label ubuntu-24.04: the project
                             moves to it and keeps your edits (works at the same version too)
  -h, --help                 show this help

Exit codes: 0 done (or up to date), 1 conflicts to resolve, a newer version (--check) or a
refusal, 2 usage error.
`;

export const addedWithoutPassing = `${manifestPath} was written by a pre-release ml-cicd add, which recorded the script's argument lines rather than how each param is passed: run ml-cicd add workflow again for each kind it added, then this command.`;

const labels: Record<Outcome, string> = {
  updated: 'updated',
  merged: 'merged',
  conflict: 'conflict',
  added: 'added',
  removed: 'removed',
  'kept-deleted': 'kept deleted',
  'kept-edited': 'kept',
  unchanged: 'unchanged',
};

const notes: Partial<Record<Outcome, string>> = {
  merged: 'your edits and the template’s changes',
  'kept-deleted': 'you deleted it',
  'kept-edited': 'the template dropped it; you had edited it',
};

const width = Math.max(...Object.values(labels).map((label) => label.length)) + 2;

export function fileLines(updates: readonly FileUpdate[], conflicts: 'inline' | 'rej'): string {
  const shown = updates.filter((update) => update.outcome !== 'unchanged');
  const lines = shown.map((update) => {
    const note =
      update.outcome === 'conflict'
        ? conflicts === 'inline'
          ? 'markers in the file'
          : `the template’s change is in ${update.path}.rej`
        : notes[update.outcome];
    return `  ${labels[update.outcome].padEnd(width)}${update.path}${note ? ` (${note})` : ''}`;
  });
  const unchanged = updates.length - shown.length;
  if (unchanged > 0) lines.push(`  ${unchanged} file${unchanged === 1 ? '' : 's'} unchanged`);
  return lines.join('\n');
}

export const heading = (from: string, to: string, dryRun: boolean, changes?: string) => {
  const what = `from ml-cicd ${from} to ${to}${changes ? ` with ${changes}` : ''}`;
  return dryRun ? `Dry run: nothing was written. Updating ${what} would do:` : `Updated ${what}:`;
};

export const conflictsLeft = (paths: string[], style: 'inline' | 'rej') =>
  style === 'inline'
    ? `${paths.length} conflict${paths.length === 1 ? '' : 's'} to resolve: keep the lines you want between the <<<<<<< and >>>>>>> markers in ${paths.join(', ')}, delete the markers, run ml-cicd validate, then commit.`
    : `${paths.length} conflict${paths.length === 1 ? '' : 's'} to resolve: apply the change in ${paths.map((path) => `${path}.rej`).join(', ')} by hand, delete the .rej file, run ml-cicd validate, then commit.`;

export const done = 'Review the changes with git diff, run ml-cicd validate, then commit.';

export const movedChoices = (moved: string[]) =>
  `Moved ${moved.join(', ')}: this ml-cicd no longer offers the recorded choice, so ml-cicd.yaml and ${manifestPath} now record its replacement.`;

export const upToDate = (version: string) => `Already at ml-cicd ${version}: nothing to update.`;

export const noManifest = (dir: string) =>
  `${dir} has no ${manifestPath}: update works on projects made by npm create ml-cicd, which records the version and answers it used there.`;

export const badManifest = (why: string) =>
  `${manifestPath} cannot be read: ${why}; restore it from git.`;

export const newerThanBundled = (recorded: string, bundled: string) =>
  `This project was made with ml-cicd ${recorded}, newer than this ml-cicd (${bundled}): run npx ml-cicd@latest update, or pass --to <version>.`;

export const olderTarget = (to: string, recorded: string) =>
  `--to ${to} is older than ${recorded}, the version this project is at: update only moves forward.`;

export const baseMismatch = (version: string, paths: string[]) =>
  `ml-cicd ${version} with the recorded answers does not render what ${manifestPath} records for ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}: without the files the project started from, a merge could lose your edits, so nothing was changed.`;

export const addedElsewhere = (to: string) =>
  `--to ${to}: the workflows here were written by ml-cicd add, which this ml-cicd updates only to its own version; run npx ml-cicd@${to} update instead.`;

export const answersDoNotFit = (version: string, why: string) =>
  `The answers recorded in ${manifestPath} do not fit ml-cicd ${version}: ${why}`;

export const renderFailed = (version: string, why: string) =>
  `Could not render the project with create-ml-cicd@${version} from the npm registry: ${why}`;

export const missingProgram = (program: 'git' | 'npm') =>
  program === 'git'
    ? 'git was not found: ml-cicd update needs it to check the tree is clean and to merge; install git.'
    : 'npm was not found: ml-cicd update gets other versions of create-ml-cicd with it; install Node.js with npm.';

export const notARepository = (dir: string) =>
  `${dir} is not in a git repository: update needs one, so you can review its changes and undo them; run git init and commit your files first.`;

export const dirtyTree = (paths: string[]) =>
  `The git tree has uncommitted changes (${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}): commit or stash them first, so the update's changes are yours to review and undo on their own.`;

export const checkResult = (current: string, latest: string, newer: boolean) =>
  newer
    ? `ml-cicd ${latest} is available; this project is at ${current}. Run npx ml-cicd@${latest} update --dry-run to see what would change.`
    : `Up to date: this project is at ml-cicd ${current}, and the newest on the registry is ${latest}.`;

export const registryFailed = (why: string) =>
  `Could not read the newest create-ml-cicd version from the npm registry: ${why}`;
