/**
 * The add-workflow corpus (tests/add-corpus): small ML repositories of the kinds teams have, each
 * with a case.yaml saying which `ml-cicd add` commands to run on it and what a team should get.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { basename, join, relative } from 'node:path';
import { lockExcludeNewer } from '@ml-cicd/core';
import { parse } from 'yaml';
import { storedArtifacts } from './artifact-store.js';
import { run, type RunResult } from '@ml-cicd/e2e/exec';
import { repoRoot, uvBin } from './paths.js';

export const corpusDir = join(repoRoot, 'tests', 'add-corpus');
export const cliBin = join(repoRoot, 'packages', 'cli', 'dist', 'index.js');
const caseFile = 'case.yaml';

export interface AddStep {
  /** The arguments after `ml-cicd add`. */
  args: string[];
  /** Set when this add must exit 1 and write nothing, printing this text. */
  refused?: string;
}

export interface CorpusCase {
  /** The fixture's folder name, also the repository's name. */
  name: string;
  patterns: string[];
  add: AddStep[];
  /**
   * green: validate exits 0 and the added workflows run green; static: validate exits 0, and the
   * act runs are left out (`why`) because the script needs packages too heavy for them; refused:
   * the first add refuses.
   */
  expect: 'green' | 'static' | 'refused';
  why?: string;
  /** Names ml-cicd.yaml's params must hold after add. */
  params?: string[];
  /**
   * What add does not do yet for this repository (a point of issue 15 still open): its params
   * check is expected to fail, and fails the suite once add does it, so the gap is closed here.
   */
  gap?: string;
  train?: { inputs: Record<string, string> };
  metrics?: { file: string; keys?: string[]; values?: Record<string, unknown> };
  /** Team files add may merge into: each of their lines stays, in order. */
  'kept-lines'?: string[];
  /** Team files add is asked to rewrite (e.g. by --lock). */
  'may-change'?: string[];
  /** The workflow add workflow test writes, when not ci.yml (the team has its own). */
  ci?: string;
}

export function corpusCases(): CorpusCase[] {
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      ...(parse(readFileSync(join(corpusDir, entry.name, caseFile), 'utf8')) as Omit<
        CorpusCase,
        'name'
      >),
    }));
}

/** Copies the fixture's repository (all but its case file) into `dir`. */
export function copyFixture(name: string, dir: string): void {
  const source = join(corpusDir, name);
  cpSync(source, dir, {
    recursive: true,
    filter: (path) => relative(source, path) !== caseFile,
  });
}

/** Every file under `dir` but .git, by its path relative to `dir`, with its bytes. */
export function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(path);
      } else if (statSync(path).isFile()) {
        files.set(relative(dir, path), readFileSync(path));
      }
    }
  };
  walk(dir);
  return files;
}

/**
 * Runs the built ml-cicd CLI in the repository, as a team would with npx, with uv on its PATH
 * (for --lock) from a folder of the suite that holds nothing else. uv locks with the files PyPI
 * had on the day the project's own locks were made, so a release since then changes no verdict.
 */
export function mlCicd(root: string, dir: string, args: string[]): Promise<RunResult> {
  const tools = join(root, 'corpus-tools');
  if (!existsSync(join(tools, 'uv'))) {
    mkdirSync(tools, { recursive: true });
    symlinkSync(uvBin, join(tools, 'uv'));
  }
  const env = {
    ...process.env,
    PATH: `${tools}:${process.env.PATH ?? ''}`,
    UV_EXCLUDE_NEWER: lockExcludeNewer,
  };
  return run(process.execPath, [cliBin, ...args], { cwd: dir, env });
}

/** Whether `after` still has each line of `before`, in the same order. */
export function keepsLines(before: string, after: string): boolean {
  const lines = after.split('\n');
  let at = 0;
  for (const line of before.split('\n').filter((each) => each.trim() !== '')) {
    at = lines.indexOf(line, at);
    if (at === -1) return false;
    at += 1;
  }
  return true;
}

/**
 * The metrics file a run uploaded: among its artifacts, the file whose path ends with the
 * expected path, else the one with its name. Undefined when the run uploaded none.
 */
export function uploadedMetrics(store: string, runId: number, file: string): unknown {
  const candidates = storedArtifacts(store)
    .filter((artifact) => artifact.runId === runId)
    .flatMap((artifact) =>
      artifact.files.map((path) => ({ path, full: join(artifact.dir, path) })),
    );
  const found =
    candidates.find((each) => each.path === file || each.path.endsWith(`/${file}`)) ??
    candidates.find((each) => basename(each.path) === basename(file));
  return found && JSON.parse(readFileSync(found.full, 'utf8'));
}
