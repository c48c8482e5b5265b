/** The project being updated: its manifest, its files as the user has them, and its git tree. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hashContent, manifestPath, matchesRecorded, UserError } from '@ml-cicd/core';
import * as say from './messages.js';
import type { Files } from './render.js';
import { git } from './tools.js';
import { isVersion } from './version.js';

export interface Recorded {
  version: string;
  answers: Record<string, unknown>;
  files: Record<string, string>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function readManifest(dir: string): Recorded {
  let text: string;
  try {
    text = readFileSync(join(dir, manifestPath), 'utf8');
  } catch {
    throw new UserError(say.noManifest(dir));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserError(say.badManifest('it is not valid JSON'));
  }
  if (!isObject(data)) throw new UserError(say.badManifest('it is not a JSON object'));
  const { generator, answers, files } = data;
  const version = isObject(generator) ? generator.version : undefined;
  if (typeof version !== 'string' || !isVersion(version)) {
    throw new UserError(say.badManifest('it records no generator version'));
  }
  if (!isObject(answers)) throw new UserError(say.badManifest('it records no answers'));
  if (!isObject(files)) throw new UserError(say.badManifest('it records no file hashes'));
  return { version, answers, files: files as Record<string, string> };
}

/** The user's file with LF line endings (a CRLF checkout holds the same text), or undefined. */
export function readYours(dir: string, path: string): string | undefined {
  try {
    return readFileSync(join(dir, path), 'utf8').replace(/\r\n/g, '\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function isExecutable(dir: string, path: string): boolean {
  try {
    return (statSync(join(dir, path)).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** Files the recorded version renders otherwise than the manifest says it wrote them. */
export function baseMismatches(recorded: Recorded, base: Files): string[] {
  return Object.entries(recorded.files).flatMap(([path, hash]) => {
    if (path === manifestPath) return [];
    const content = base.get(path);
    return content !== undefined && hashContent(content) === hash ? [] : [path];
  });
}

/** Refuses unless `dir` is in a git repository with nothing uncommitted inside `dir`. */
export function requireCleanTree(dir: string): void {
  const ran = git(['status', '--porcelain', '--', '.'], dir);
  if (ran.status !== 0) throw new UserError(say.notARepository(dir));
  const changed = ran.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  if (changed.length > 0) throw new UserError(say.dirtyTree(changed));
}

/**
 * The base of a merge rebuilt from what the manifest recorded, for answers this version cannot
 * render: a file is its base where its hash is the recorded one, the user's or the new render's
 * (a file both versions write alike). Any other has an empty base: deleted, it stays deleted;
 * edited, it is kept, or merges as a file of the user's own where the new version writes it.
 */
export function baseFromRecorded(recorded: Recorded, dir: string, next: Files): Files {
  const base: Files = new Map();
  for (const [path, hash] of Object.entries(recorded.files)) {
    if (path === manifestPath) continue;
    const yours = readYours(dir, path);
    const rendered = next.get(path);
    if (yours !== undefined && matchesRecorded(yours, hash)) base.set(path, yours);
    else if (rendered !== undefined && matchesRecorded(rendered, hash)) base.set(path, rendered);
    else base.set(path, '');
  }
  return base;
}
