/**
 * The three-way merge of one update: for each file, what the old version rendered (base), what
 * the new version renders (next) and what the user has now (yours) decide the outcome. Git does
 * the merging (`git merge-file`) and writes the `.rej` patches (`git diff --no-index`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestPath } from '@ml-cicd/core';
import type { Files } from './render.js';
import { git } from './tools.js';

export const outcomes = [
  'updated',
  'merged',
  'conflict',
  'added',
  'removed',
  'kept-deleted',
  'kept-edited',
  'unchanged',
] as const;

export type Outcome = (typeof outcomes)[number];

export interface FileUpdate {
  path: string;
  outcome: Outcome;
  /** The content to write, when the file changes. */
  write?: string;
  /** The template's change that could not be applied, as a patch for `<path>.rej`. */
  reject?: string;
  remove?: true;
}

export type ConflictStyle = 'inline' | 'rej';

export interface MergeSides {
  base: Files;
  next: Files;
  /** The user's file (LF line endings), or undefined when there is none. */
  yours: (path: string) => string | undefined;
  /** Marker labels: the old and the new version. */
  labels: { base: string; next: string };
  conflicts: ConflictStyle;
}

class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'ml-cicd-merge-'));
  #count = 0;

  file(content: string): string {
    const file = join(this.dir, `${(this.#count += 1)}`);
    writeFileSync(file, content);
    return file;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function mergeFile(
  scratch: Scratch,
  sides: MergeSides,
  yours: string,
  base: string,
  next: string,
): { text: string; clean: boolean } {
  const { labels } = sides;
  const files = [yours, base, next].map((content) => scratch.file(content));
  const ran = git(
    ['merge-file', '-p', '-L', 'yours', '-L', labels.base, '-L', labels.next, ...files],
    scratch.dir,
  );
  // merge-file exits with the number of conflicts, or a negative number (255) when it fails.
  if (ran.status < 0 || ran.status > 127) throw new Error(`git merge-file failed: ${ran.stderr}`);
  return { text: ran.stdout, clean: ran.status === 0 };
}

/** The patch from base to next of one file, with a/ and b/ paths, as `git apply` reads it. */
function patch(scratch: Scratch, path: string, base: string, next: string): string {
  const before = join('a', path);
  const after = join('b', path);
  for (const [file, content] of [
    [before, base],
    [after, next],
  ] as const) {
    mkdirSync(join(scratch.dir, file, '..'), { recursive: true });
    writeFileSync(join(scratch.dir, file), content);
  }
  const ran = git(
    ['diff', '--no-index', '--no-color', '--no-ext-diff', '--no-prefix', '--', before, after],
    scratch.dir,
  );
  if (ran.status !== 1) throw new Error(`git diff failed: ${ran.stderr}`);
  return ran.stdout;
}

function mergeOne(scratch: Scratch, sides: MergeSides, path: string): FileUpdate {
  const base = sides.base.get(path);
  const next = sides.next.get(path);
  const yours = sides.yours(path);
  if (next === undefined) {
    if (yours === undefined) return { path, outcome: 'unchanged' };
    // Removed from the template: deleted only when the user never touched it.
    return yours === base
      ? { path, outcome: 'removed', remove: true }
      : { path, outcome: 'kept-edited' };
  }
  if (yours === undefined) {
    return base === undefined
      ? { path, outcome: 'added', write: next }
      : { path, outcome: 'kept-deleted' };
  }
  if (yours === next || base === next) return { path, outcome: 'unchanged' };
  if (yours === base) return { path, outcome: 'updated', write: next };
  // A file of the user's own where the template now has one merges as if it started empty.
  const merged = mergeFile(scratch, sides, yours, base ?? '', next);
  if (merged.clean) return { path, outcome: 'merged', write: merged.text };
  if (sides.conflicts === 'inline') return { path, outcome: 'conflict', write: merged.text };
  return { path, outcome: 'conflict', reject: patch(scratch, path, base ?? '', next) };
}

/** The outcome of every file either version renders (the manifest is the new version's). */
export function mergeAll(sides: MergeSides): FileUpdate[] {
  const paths = [...new Set([...sides.base.keys(), ...sides.next.keys()])]
    .filter((path) => path !== manifestPath)
    .sort();
  const scratch = new Scratch();
  try {
    return paths.map((path) => mergeOne(scratch, sides, path));
  } finally {
    scratch.dispose();
  }
}

/** The unified diff from `before` to `after` of one file, as git prints it; empty when equal. */
export function diffOf(path: string, before: string, after: string): string {
  if (before === after) return '';
  const scratch = new Scratch();
  try {
    return patch(scratch, path, before, after);
  } finally {
    scratch.dispose();
  }
}
