/**
 * Once per suite: checks act, Node 24 and the built @ml-cicd/core, makes the suite's folder (its
 * runs and artifact store) and starts the recording GitHub API, which the test files reach by URL.
 */
import './without-pnpm-npm-config.js';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startApiServer } from './api-server.js';
import { run } from '@ml-cicd/e2e/exec';
import { ensureNode24 } from './node24.js';
import { ACT_VERSION, actBin, pipCacheDir, repoRoot, suiteParent, uvCacheDir } from './paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    suiteRoot: string;
    apiUrl: string;
    store: string;
  }
}

export default async function setup(project: TestProject) {
  const version = await run(actBin, ['--version'], { cwd: repoRoot });
  if (version.stdout.trim() !== `act version ${ACT_VERSION}`) {
    throw new Error(`act ${ACT_VERSION} is not at ${actBin}; run \`pnpm setup:tools\` first.`);
  }
  if (!existsSync(join(repoRoot, 'packages', 'core', 'dist', 'index.js'))) {
    throw new Error('@ml-cicd/core is not built; run `pnpm build` first.');
  }
  const namespace = await run('unshare', ['--mount', '--propagation', 'private', 'true'], {
    cwd: repoRoot,
  });
  if (namespace.code !== 0) {
    throw new Error(
      `the runs need \`unshare --mount\` (root, util-linux) to give each run a /tmp of its own: ${namespace.stderr.trim()}`,
    );
  }
  await ensureNode24();
  mkdirSync(pipCacheDir, { recursive: true });
  mkdirSync(uvCacheDir, { recursive: true });
  // Not under /tmp: each run mounts a folder of its own over /tmp, which would hide this one.
  const root = mkdtempSync(join(suiteParent, 'ml-cicd-workflow-runs-'));
  const store = join(root, 'artifacts');
  mkdirSync(store);
  // The ledger the cloud stand-ins write (cloudLedgerFile): the API reads the App tokens there.
  const api = await startApiServer(store, join(root, 'cloud-ledger.jsonl'));
  project.provide('suiteRoot', root);
  project.provide('apiUrl', api.url);
  project.provide('store', store);
  return async () => {
    await api.close();
    if (process.env.WORKFLOW_RUNS_KEEP === '1') console.log(`workflow-runs: kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
