/**
 * A project rendered by a given version of the generator from recorded answers: by the engine
 * bundled in this ml-cicd when the versions match (no download, works offline), else by
 * create-ml-cicd@<version> from the npm registry the user's npm is configured with, run with
 * `--answers` into a temporary folder (no git, no install).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  buildProject,
  codeUnitOrder,
  generator,
  rawFromRecorded,
  resolveAnswers,
  UsageError,
  UserError,
} from '@ml-cicd/core';
import { bundledAssets } from '../add/assets.js';
import * as say from './messages.js';
import { npm, npmProblem } from './tools.js';

export type Files = Map<string, string>;

function renderBundled(recorded: Record<string, unknown>, folder: string): Files {
  try {
    const answers = resolveAnswers(rawFromRecorded(recorded, 'answers'), folder);
    return buildProject(answers, bundledAssets()).files;
  } catch (error) {
    if (error instanceof UsageError) {
      throw new UserError(say.answersDoNotFit(generator.version, error.message));
    }
    throw error;
  }
}

async function readTree(root: string, prefix = ''): Promise<[string, string][]> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async (entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return readTree(root, path);
      return [[path, await readFile(join(root, path), 'utf8')] as [string, string]];
    }),
  );
  return files.flat();
}

async function renderFromRegistry(
  version: string,
  recorded: Record<string, unknown>,
  dir: string,
): Promise<Files> {
  const temp = await mkdtemp(join(tmpdir(), 'ml-cicd-update-'));
  try {
    const answersFile = join(temp, 'answers.json');
    await writeFile(answersFile, JSON.stringify(recorded));
    const project = join(temp, 'project');
    const ran = npm(
      [
        'exec',
        '--yes',
        `--package=create-ml-cicd@${version}`,
        '--',
        'create-ml-cicd',
        project,
        '--answers',
        answersFile,
        '--yes',
        '--no-git',
        '--no-install',
      ],
      // In the project, so a registry set in its .npmrc is the one asked.
      dir,
    );
    if (ran.status !== 0) throw new UserError(say.renderFailed(version, npmProblem(ran)));
    return new Map((await readTree(project)).sort(([a], [b]) => codeUnitOrder(a, b)));
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The files `version` renders from the answers recorded in the project in `dir`. */
export function render(
  version: string,
  recorded: Record<string, unknown>,
  dir: string,
): Promise<Files> {
  return version === generator.version
    ? Promise.resolve(renderBundled(recorded, basename(dir)))
    : renderFromRegistry(version, recorded, dir);
}
