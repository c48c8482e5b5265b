/**
 * `create-ml-cicd init [folder]`: set up a repository made with GitHub's "Use this template". The
 * template is the default project rendered as `ml-project`; init renders it again, with the same
 * generator and answers, under a name taken from the repository, and replaces only the files that
 * are still as the template made them. Workflows are name-agnostic and never touched: a
 * GITHUB_TOKEN cannot change them, and init runs in the template's own first-push workflow.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  buildProject,
  hashContent,
  manifestPath,
  nameFromFolder,
  projectNameProblem,
  rawFromRecorded,
  resolveAnswers,
  UserError,
  writePlan,
  type Answers,
  type PlannedFile,
} from '@ml-cicd/core';
import { bundledAssets } from './assets.js';

/** Present only in a repository that has not been set up yet; init removes it. */
export const templateMarker = '.ml-cicd/template-setup';
/** The generator the template carries for its first-push workflow; init removes it too. */
export const templateSetupAction = '.github/actions/template-setup';
const workflowsDir = '.github/workflows/';

export interface InitResult {
  /** `done`: set up now (or, in dry-run, would be); `already`: no marker, nothing to do. */
  status: 'done' | 'already';
  answers?: Answers;
  files: PlannedFile[];
  removed: string[];
  /** Files changed since the template: replaced only with --force, never removed. */
  edited: string[];
  diff: string;
}

function readText(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The repository's name from `git remote get-url origin`, e.g. `churn-model` from `…/churn-model.git`. */
function remoteName(dir: string): string | undefined {
  const remote = spawnSync('git', ['remote', 'get-url', 'origin'], { cwd: dir, encoding: 'utf8' });
  if (remote.status !== 0) return undefined;
  return /([^/:]+?)(?:\.git)?\/*$/.exec(remote.stdout.trim())?.[1];
}

function projectName(dir: string, given: string | undefined): string {
  if (given !== undefined) return given;
  const source = remoteName(dir) ?? basename(dir);
  const name = nameFromFolder(source);
  if (projectNameProblem(name)) {
    throw new UserError(
      `Cannot make a project name from "${source}": pass --name with lowercase letters, digits and single hyphens.`,
    );
  }
  return name;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readTemplateManifest(dir: string): { answers: unknown; files: Record<string, string> } {
  const text = readText(join(dir, manifestPath));
  if (text === undefined) {
    throw new UserError(
      `${dir} has ${templateMarker} but no ${manifestPath}: it cannot be set up.`,
    );
  }
  const manifest = parseJson(text) as { answers?: unknown; files?: unknown } | undefined;
  if (typeof manifest?.files !== 'object' || manifest.files === null) {
    throw new UserError(
      `${join(dir, manifestPath)} does not hold the answers and file hashes of a generated project: it cannot be set up.`,
    );
  }
  return { answers: manifest.answers, files: manifest.files as Record<string, string> };
}

/** Removes `file`, then the folders it leaves empty, up to the repository's root. */
function removeFile(dir: string, file: string): void {
  rmSync(join(dir, file));
  for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) {
    if (readdirSync(join(dir, folder)).length > 0) return;
    rmdirSync(join(dir, folder));
  }
}

export async function initProject(
  dir: string,
  options: { name?: string; force: boolean; dryRun: boolean },
): Promise<InitResult> {
  if (!existsSync(join(dir, templateMarker))) {
    if (existsSync(join(dir, manifestPath))) {
      return { status: 'already', files: [], removed: [], edited: [], diff: '' };
    }
    throw new UserError(
      `${dir} was not made from the ml-cicd template (it has no ${templateMarker}): nothing to set up.`,
    );
  }
  const template = readTemplateManifest(dir);
  const raw = rawFromRecorded(template.answers, manifestPath);
  raw.name = projectName(dir, options.name);
  const answers = resolveAnswers(raw, basename(dir));
  const planned = buildProject(answers, bundledAssets()).files;
  const plan = new Map([...planned].filter(([path]) => !path.startsWith(workflowsDir)));

  const current = (path: string) => readText(join(dir, path));
  const pristine = (path: string, content: string) => template.files[path] === hashContent(content);
  const edited: string[] = [];
  for (const [path, content] of plan) {
    if (path === manifestPath) continue;
    const now = current(path);
    if (now !== undefined && now !== content && !pristine(path, now)) edited.push(path);
  }
  const stale: string[] = [];
  for (const path of Object.keys(template.files)) {
    const now = current(path);
    if (planned.has(path) || now === undefined) continue;
    if (pristine(path, now)) stale.push(path);
    else edited.push(path);
  }
  edited.sort();
  if (edited.length > 0 && !options.force) {
    throw new UserError(
      `These files changed since the template and init would replace or remove them: ${edited.join(', ')}. Nothing was written; pass --force to replace them (changed files are never removed).`,
    );
  }

  const result = await writePlan(plan, dir, {
    mode: 'into-existing',
    force: true,
    dryRun: options.dryRun,
  });
  const removed = [...stale, templateMarker, templateSetupAction];
  if (!options.dryRun) {
    for (const path of stale) removeFile(dir, path);
    rmSync(join(dir, templateMarker));
    rmSync(join(dir, templateSetupAction), { recursive: true, force: true });
  }
  return { status: 'done', answers, files: result.files, removed, edited, diff: result.diff };
}
