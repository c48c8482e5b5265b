/**
 * What `ml-cicd sync` changes: the files whose content ml-cicd.yaml's params and gates decide,
 * rendered at the project's version with the params and gates ml-cicd.yaml holds now, and merged
 * three ways with the user's files. The base of the merge is what the last sync rendered (the
 * manifest's `synced`), else what `npm create ml-cicd` or `ml-cicd add` wrote.
 */
import { basename } from 'node:path';
import {
  buildProject,
  generator,
  hashContent,
  manifestPath,
  matchesRecorded,
  rawFromRecorded,
  resolveAnswers,
  UsageError,
  UserError,
  type Assets,
  type ConfiguredParams,
} from '@ml-cicd/core';
import type { Added } from '../add/plan.js';
import { mergedIntoYours, rendered } from '../update/added.js';
import { mergeAll, type Outcome } from '../update/merge.js';
import * as updateSay from '../update/messages.js';
import { readYours, type Recorded } from '../update/project.js';
import type { Files } from '../update/render.js';

/** The manifest's record of the last sync: the params and gates, and the hash of each file rendered. */
export interface Synced extends ConfiguredParams {
  files: Record<string, string>;
}

/** update's outcomes, and `replaced`: an edit of the user's overwritten by --force. */
export type SyncOutcome = Outcome | 'replaced';

export interface SyncFile {
  path: string;
  outcome: SyncOutcome;
  /** The content to write, when the file changes. */
  write?: string;
  remove?: true;
  /** ml-cicd's version of a file whose edits of the user's are in the way (what --force writes). */
  rendered?: string;
}

export interface SyncProject {
  dir: string;
  recorded: Recorded;
  /** What `ml-cicd add` recorded, when it (not `npm create ml-cicd`) wrote the workflows. */
  added?: Added;
  synced?: Synced;
  assets: Assets;
}

/** The project's files rendered at this version with the params and gates given (else as recorded). */
function renderWith(project: SyncProject, configured?: ConfiguredParams): Files {
  const { dir, recorded, added, assets } = project;
  if (added) {
    const script = configured
      ? { ...added.script, params: configured.params, gates: configured.gates }
      : added.script;
    return rendered(recorded.answers, { ...added, script }, dir, assets).files;
  }
  try {
    const answers = resolveAnswers(rawFromRecorded(recorded.answers, 'answers'), basename(dir));
    return buildProject(answers, assets, undefined, configured).files;
  } catch (error) {
    if (error instanceof UsageError) {
      throw new UserError(updateSay.answersDoNotFit(generator.version, error.message));
    }
    throw error;
  }
}

/** ml-cicd.yaml is the source sync reads, and the settings files are the team's, merged by add. */
const notOwned = new Set([manifestPath, ...mergedIntoYours]);

/**
 * The outcome of a sync for each file ml-cicd.yaml's params and gates decide: those a render
 * without params and gates writes otherwise. A file the manifest does not list and the repository
 * has is the team's own (a pipeline add kept), never touched.
 */
export function syncPlan(
  project: SyncProject,
  configured: ConfiguredParams,
  force: boolean,
): { files: SyncFile[]; synced: Synced } {
  const { dir, recorded, synced } = project;
  const next = renderWith(project, configured);
  const bare = renderWith(project, { params: {}, gates: [] });
  const before = renderWith(project, synced);
  const owned = [...new Set([...next.keys(), ...bare.keys()])]
    .filter((path) => !notOwned.has(path) && next.get(path) !== bare.get(path))
    .sort();
  const base: Files = new Map();
  const wanted: Files = new Map();
  for (const path of owned) {
    const hash = synced?.files[path] ?? recorded.files[path];
    const ours = before.get(path);
    const yours = readYours(dir, path);
    if (hash === undefined && yours !== undefined) continue;
    if (hash === undefined || (ours !== undefined && matchesRecorded(ours, hash))) {
      if (ours !== undefined) base.set(path, ours);
    } else if (yours !== undefined && matchesRecorded(yours, hash)) {
      base.set(path, yours);
    } else {
      // Neither is what was written: the merge treats the user's file as their own.
      base.set(path, '');
    }
    const content = next.get(path);
    if (content !== undefined) wanted.set(path, content);
  }
  const merged = mergeAll({
    base,
    next: wanted,
    yours: (path) => readYours(dir, path),
    labels: { base: 'ml-cicd.yaml as last synced', next: 'ml-cicd.yaml now' },
    conflicts: 'inline',
  });
  const files = merged.map(({ path, outcome, write, remove }): SyncFile => {
    const content = wanted.get(path);
    const yours = readYours(dir, path);
    const edited = content !== undefined && yours !== undefined && yours !== content;
    if (outcome === 'kept-deleted' && force && content !== undefined) {
      return { path, outcome: 'replaced', write: content };
    }
    if (outcome === 'conflict' || (outcome === 'unchanged' && edited)) {
      if (force) return { path, outcome: 'replaced', write: content };
      const kept = outcome === 'conflict' ? 'conflict' : 'kept-edited';
      return { path, outcome: kept, ...(content === undefined ? {} : { rendered: content }) };
    }
    return {
      path,
      outcome,
      ...(write === undefined ? {} : { write }),
      ...(remove ? { remove } : {}),
    };
  });
  const recordedFiles = Object.fromEntries(
    [...wanted].map(([path, content]) => [path, hashContent(content)]),
  );
  return { files, synced: { ...configured, files: recordedFiles } };
}
