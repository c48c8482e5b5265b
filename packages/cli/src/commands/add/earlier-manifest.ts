/**
 * The manifest an earlier `add` or the generator left: the files it wrote, the answers, and what
 * `add` ran.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestPath, matchesRecorded, type Manifest } from '@ml-cicd/core';
import { parse } from 'yaml';
import type { AddedManifest } from './plan.js';

export function earlierManifest(dir: string): AddedManifest | undefined {
  const path = join(dir, manifestPath);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as AddedManifest;
  } catch {
    return undefined;
  }
}

/**
 * Whether the file at `path` is as ml-cicd last wrote it: then it is ml-cicd's to update, not a
 * file of the team's.
 */
export function unedited(dir: string, manifest: Manifest | undefined, path: string): boolean {
  const recorded = manifest?.files[path];
  if (recorded === undefined || !existsSync(join(dir, path))) return false;
  return matchesRecorded(readFileSync(join(dir, path), 'utf8'), recorded);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** The train action's `script`/`module` in a workflow ml-cicd wrote (train.yml, report.yml, ...). */
function workflowEntry(
  dir: string,
  path: string,
): { script: string } | { module: string } | undefined {
  if (!existsSync(join(dir, path))) return undefined;
  let workflow: {
    jobs?: Record<string, { steps?: { uses?: unknown; with?: Record<string, unknown> }[] }>;
  };
  try {
    workflow = parse(readFileSync(join(dir, path), 'utf8')) ?? {};
  } catch {
    return undefined;
  }
  const steps = Object.values(workflow.jobs ?? {}).flatMap((job) => job?.steps ?? []);
  const call = steps.find((step) => step?.uses === './.github/actions/train')?.with;
  if (!call) return undefined;
  if (isText(call.module)) return { module: call.module };
  if (isText(call.script)) return { script: call.script };
  return { script: 'train.py' };
}

/**
 * The entry point an earlier `add` ran: what the manifest records, else what a workflow it wrote
 * calls the train action with; undefined when nothing records one.
 */
export function recordedEntry(
  dir: string,
  manifest: AddedManifest | undefined,
): { script: string } | { module: string } | undefined {
  const script = manifest?.added?.script;
  if (script) return script.entry ?? { script: 'train.py' };
  for (const kind of ['train', 'report', 'retrain']) {
    const entry = workflowEntry(dir, `.github/workflows/${kind}.yml`);
    if (entry) return entry;
  }
  return undefined;
}
