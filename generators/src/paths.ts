/** Where the generators read and write: this repository, the user's folder, plop's --dest. */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assets } from '@ml-cicd/core';
import type { NodePlopAPI } from 'node-plop';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The raw templates and static workflows, read in place (the bin reads its bundled copies). */
export const repoAssets: Assets = {
  templatesDir: join(repoRoot, 'templates'),
  workflowsDir: join(repoRoot, 'workflows'),
};

/**
 * A path the user typed, resolved against the folder they typed it in: pnpm runs the script in
 * `generators/` and records that folder in INIT_CWD.
 */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/**
 * The root that contributor files (`templates/`, `packages/…`) are written under: plop's --dest
 * (the `plop` script passes the repository; tests pass a copy), else this repository.
 */
export function contributorRoot(plop: NodePlopAPI): string {
  const dest = plop.getDestBasePath();
  return resolve(dest) === resolve(plop.getPlopfilePath()) ? repoRoot : resolve(dest);
}
