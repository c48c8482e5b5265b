/**
 * Fixture repositories written by the tests: fresh renders of the default and self-hosted
 * projects through @ml-cicd/core's engine (with this repository's templates/ and workflows/),
 * copied into a temp folder per test so each can break exactly one thing.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProject, resolveAnswers, writePlan, type RawAnswers } from '@ml-cicd/core';
import { afterAll } from 'vitest';
import { run as runAdd } from '../src/commands/add/index.js';
import { formatText } from '../src/format/text.js';
import { validateProject, type ValidateOptions } from '../src/validate/validate-project.js';

export const assets = {
  templatesDir: fileURLToPath(new URL('../../../templates', import.meta.url)),
  workflowsDir: fileURLToPath(new URL('../../../workflows', import.meta.url)),
};

export const kinds = {
  default: {},
  'self-hosted': { runner: 'self-hosted', runnerLabels: 'linux,gpu' },
  dvc: { data: 'dvc', dvcRemote: 'local' },
  // Retired: only projects made before still have it.
  neptune: { tracker: 'neptune' },
} satisfies Record<string, RawAnswers>;
export type Kind = keyof typeof kinds;

const root = mkdtempSync(join(tmpdir(), 'ml-cicd validate '));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const renders = new Map<Kind, Promise<string>>();
let count = 0;

/** A temp folder for one test. */
export function tempDir(): string {
  const dir = join(root, `case ${++count}`);
  mkdirSync(dir);
  return dir;
}

/** A fresh render of `kind`, in its own folder. */
export async function project(kind: Kind = 'default'): Promise<string> {
  if (!renders.has(kind)) {
    const answers = resolveAnswers({ name: 'demo-project', ...kinds[kind] }, 'demo-project');
    const dir = join(root, `render ${kind}`);
    renders.set(
      kind,
      writePlan(buildProject(answers, assets).files, dir).then(() => dir),
    );
  }
  const copy = tempDir();
  cpSync(await renders.get(kind)!, copy, { recursive: true });
  return copy;
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

export function write(dir: string, path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

/** Replaces `from` (which must occur exactly once) by `to` in one file of the project. */
export function edit(dir: string, path: string, from: string, to: string): void {
  const text = read(dir, path);
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`${JSON.stringify(from)} must occur exactly once in ${path}.`);
  }
  write(dir, path, text.slice(0, at) + to + text.slice(at + from.length));
}

/** `path:line:col` of the first character of the `nth` occurrence of `needle` in a file. */
export function at(dir: string, path: string, needle: string, nth = 0): string {
  const text = read(dir, path);
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0)
      throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth + 1} times in ${path}.`);
  }
  const before = text.slice(0, offset).split('\n');
  return `${path}:${before.length}:${before.at(-1)!.length + 1}`;
}

/** Appends `rules: {<id>: off}` to ml-cicd.yaml. */
export function turnOff(dir: string, id: string): void {
  write(dir, 'ml-cicd.yaml', `${read(dir, 'ml-cicd.yaml')}rules:\n  ${id}: off\n`);
}

/** The findings at warning and above, printed as `ml-cicd validate` does (no colour). */
export async function printed(dir: string, options: ValidateOptions = {}): Promise<string[]> {
  const report = await validateProject(dir, options);
  const text = formatText(
    { ...report, notes: [] },
    { minSeverity: 'warning', color: false, cwd: dir },
  );
  return text.trimEnd().split('\n').slice(0, -1);
}

/** `ml-cicd add <argv>` run in `dir`, with what it printed to stdout and stderr. */
export async function add(dir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const io = {
    out: (t: string) => void (out += t),
    err: (t: string) => void (err += t),
    color: false,
    cwd: dir,
  };
  const code = await runAdd(argv, io, assets);
  return { code, out, err };
}
