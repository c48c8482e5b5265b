/**
 * Updating a repository whose workflows `ml-cicd add` wrote: the files of the kinds the manifest
 * records, rendered with the script it records, instead of a whole new project. The team's
 * settings files and ml-cicd.yaml get what the workflows need merged in, as `add` does.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  generator,
  hashContent,
  manifestJson,
  manifestPath,
  matchesRecorded,
  rawFromRecorded,
  resolveAnswers,
  UsageError,
  UserError,
  type Assets,
  type Option,
} from '@ml-cicd/core';
import type { Param } from '@ml-cicd/config';
import { existingGates, mergeConfig, readExistingConfig } from '../add/existing-config.js';
import { mergeDependabot, dependabotPath } from '../add/merge-dependabot.js';
import {
  actionlintPath,
  mergeSettings,
  withWorkflowVariables,
  zizmorPath,
} from '../add/merge-settings.js';
import { kindsFeatures, renderKinds, type Added, type AddedManifest } from '../add/plan.js';
import * as say from './messages.js';
import type { Recorded } from './project.js';
import { readYours } from './project.js';
import type { Files } from './render.js';

/** What `add` recorded in the manifest, when `add` (not `npm create ml-cicd`) wrote the project. */
export function addedOf(dir: string): Added | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, manifestPath), 'utf8')) as AddedManifest;
    const added = manifest.added;
    if (!added || !Array.isArray(added.kinds) || typeof added.script !== 'object') return undefined;
    if (typeof added.script.passing !== 'object') throw new UserError(say.addedWithoutPassing);
    return added;
  } catch (error) {
    if (error instanceof UserError) throw error;
    return undefined;
  }
}

/** The files `add` renders for the recorded kinds, with the answers and the script given. */
export function rendered(
  answers: Record<string, unknown>,
  added: Added,
  dir: string,
  assets: Assets,
) {
  try {
    const resolved = resolveAnswers(rawFromRecorded(answers, 'answers'), basename(dir));
    return {
      resolved,
      ...renderKinds(resolved, assets, added.script, added.kinds, added.moved),
    };
  } catch (error) {
    if (error instanceof UsageError) {
      throw new UserError(say.answersDoNotFit(generator.version, error.message));
    }
    throw error;
  }
}

/**
 * The files as `add` wrote them: rendered again where this version renders what the manifest
 * records, else the team's file where it is still as written, else unknown (empty).
 */
export function addedBase(recorded: Recorded, added: Added, dir: string, assets: Assets): Files {
  const again =
    recorded.version === generator.version
      ? rendered(recorded.answers, added, dir, assets).files
      : new Map<string, string>();
  const base: Files = new Map();
  for (const [path, hash] of Object.entries(recorded.files)) {
    if (path === manifestPath) continue;
    const ours = again.get(path);
    const yours = readYours(dir, path);
    if (ours !== undefined && matchesRecorded(ours, hash)) base.set(path, ours);
    else if (yours !== undefined && matchesRecorded(yours, hash)) base.set(path, yours);
    else base.set(path, '');
  }
  return base;
}

/** The keys of ml-cicd.yaml an answer flag decides. */
function decidedKeys(given: [Option, string][]): string[] {
  return given.map(([option]) =>
    option.key === 'tracker'
      ? 'tracker'
      : option.key === 'data' || option.key.startsWith('dvc')
        ? 'data'
        : 'runner',
  );
}

const mergers: Record<string, (theirs: string, ours: string) => string> = {
  [dependabotPath]: (theirs, ours) => mergeDependabot(theirs, ours).content,
  [actionlintPath]: (theirs, ours) => mergeSettings(actionlintPath, theirs, ours).content,
  [zizmorPath]: (theirs, ours) => mergeSettings(zizmorPath, theirs, ours).content,
};

/** Files whose next version is the team's file with ours merged in: updated, never a conflict. */
export const mergedIntoYours = new Set(['ml-cicd.yaml', ...Object.keys(mergers)]);

/**
 * What `add` would write now for the recorded kinds, with the answers (changed or not), and the
 * manifest recording it. The params and gates are ml-cicd.yaml's, the team's source of truth.
 */
export function addedNext(
  answers: Record<string, unknown>,
  added: Added,
  dir: string,
  given: [Option, string][],
  assets: Assets,
  recordedFiles: Record<string, string>,
): { files: Files; manifest: string } {
  const existing = readExistingConfig(dir);
  const params = (existing?.doc.toJS() as { params?: Record<string, Param> } | undefined)?.params;
  // No gates is recorded as add records it: no key.
  const gates = existingGates(existing);
  const script = {
    ...added.script,
    ...(params ? { params } : {}),
    ...(gates ? { gates: gates.length > 0 ? gates : undefined } : {}),
  };
  const next = rendered(answers, { ...added, script }, dir, assets);
  const files = new Map(next.files);
  // A file of the team's that add kept (its .dvc/config, its own pipeline) stays the team's.
  for (const path of files.keys()) {
    if (!(path in recordedFiles) && readYours(dir, path) !== undefined) files.delete(path);
  }
  files.set(actionlintPath, withWorkflowVariables(dir, files.get(actionlintPath)!));
  if (existing) {
    files.set(
      'ml-cicd.yaml',
      mergeConfig(existing, files.get('ml-cicd.yaml')!, decidedKeys(given)),
    );
  }
  for (const [path, merge] of Object.entries(mergers)) {
    const yours = readYours(dir, path);
    if (yours !== undefined) files.set(path, merge(yours, files.get(path)!));
  }
  const manifest: AddedManifest = {
    generator,
    answers: next.resolved,
    features: kindsFeatures(next.features, added.kinds),
    files: Object.fromEntries([...files].map(([path, content]) => [path, hashContent(content)])),
    added: { ...added, script },
  };
  return { files, manifest: manifestJson(manifest) };
}
