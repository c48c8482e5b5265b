/** What `ml-cicd sync` says, apart from its logic. */
import { manifestPath } from '@ml-cicd/core';
import type { SyncFile, SyncOutcome } from './plan.js';

export const usage = 'sync [dir]';

export const summary =
  "bring the workflows' inputs, the gates and the DVC params up to date with ml-cicd.yaml";

export const help = `Usage: ml-cicd sync [dir] [flags]

Bring the files ml-cicd owns in the project in dir (default: the current folder) up to date with
its ml-cicd.yaml: the Train workflow's inputs, the gates of the report, retrain and release
workflows, and with DVC the stage params, the data file and params.yaml. ml-cicd.yaml is the one list of params
and gates: add a param or change a gate there, then run sync. The project stays at the ml-cicd
version that made it (ml-cicd update moves it to a newer one).

Each file is merged three ways, as ml-cicd update does: your edits elsewhere in a file are kept;
an edit of yours where ml-cicd.yaml changes the file stops the sync, and nothing is written,
unless --force, which writes ml-cicd's version of the files ml-cicd.yaml decides.

Flags:
  --dry-run    write nothing; print the diff of each file that would change
  --force      replace your edits in the files ml-cicd.yaml decides with ml-cicd's version,
               and write those you deleted again
  -h, --help   show this help

Exit codes: 0 in sync (or synced), 1 edits of yours in the way or a refusal, 2 usage error.
`;

const labels: Record<SyncOutcome, string> = {
  updated: 'updated',
  merged: 'merged',
  replaced: 'replaced',
  added: 'added',
  removed: 'removed',
  conflict: 'conflict',
  'kept-edited': 'kept',
  'kept-deleted': 'kept deleted',
  unchanged: 'unchanged',
};

const notes: Partial<Record<SyncOutcome, string>> = {
  merged: 'your edits kept',
  replaced: '--force: your edits in it were replaced',
  conflict: 'your edit is where ml-cicd.yaml changes it',
  'kept-edited': "has edits of yours; --force writes ml-cicd's version",
  'kept-deleted': 'you deleted it',
};

const width = Math.max(...Object.values(labels).map((label) => label.length)) + 2;

export function fileLines(files: readonly SyncFile[]): string {
  return files
    .filter((file) => file.outcome !== 'unchanged')
    .map((file) => {
      const note = notes[file.outcome];
      return `  ${labels[file.outcome].padEnd(width)}${file.path}${note ? ` (${note})` : ''}`;
    })
    .join('\n');
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const rendering = (version: string, params: number, gates: number) =>
  `Rendering what ml-cicd ${version} writes from ml-cicd.yaml (${plural(params, 'param')}, ${plural(gates, 'gate')})…`;

export const inSync = 'In sync with ml-cicd.yaml: nothing to change.';

export const synced = (count: number) =>
  `Synced ${plural(count, 'file')} with ml-cicd.yaml. Review the changes with git diff, run ml-cicd validate, then commit.`;

export const dryRun = (count: number) =>
  `Dry run: nothing was written; ${plural(count, 'file')} would change.`;

export const conflicts = (paths: string[]) =>
  `Nothing was written: ${paths.join(', ')} ${paths.length === 1 ? 'has an edit' : 'have edits'} of yours where ml-cicd.yaml changes ${paths.length === 1 ? 'it' : 'them'}. Move your edit into ml-cicd.yaml (or out of the way) and run ml-cicd sync again, or run ml-cicd sync --force to write ml-cicd's version (your edits in ${paths.length === 1 ? 'that file' : 'those files'} are lost; see them first with --dry-run).`;

export const noManifest = (dir: string) =>
  `${dir} has no ${manifestPath}: sync works on projects made by npm create ml-cicd or ml-cicd add, which record what they wrote there.`;

export const noConfig = (dir: string) =>
  `${dir} has no ml-cicd.yaml: sync renders the workflows from it; restore it from git.`;

export const badConfig = (first: string) =>
  `ml-cicd.yaml has errors, so nothing was synced; the first: ${first} (ml-cicd validate lists them all).`;

export const otherVersion = (recorded: string, bundled: string) =>
  `This project is at ml-cicd ${recorded} and this ml-cicd is ${bundled}: sync renders with the version the project is at, so run npx ml-cicd@${recorded} sync, or ml-cicd update first to move the project to ${bundled}.`;

export const otherTask = (configured: string, recorded: string) =>
  `ml-cicd.yaml says task ${configured}, but the project was made for ${recorded}: a task brings its own params, gates, metrics and plots, which sync does not change. Put task back to ${recorded} and run ml-cicd update --task ${configured}, which moves the project to ${configured} and keeps your edits.`;
