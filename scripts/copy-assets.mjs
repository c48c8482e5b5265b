// Copies templates/ and workflows/ beside a built bin, so its tarball is self-contained.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// core's build, not its name: a copy of these sources outside the repository packs with its own.
import { packedLocksFile, packLocks } from '../packages/core/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const litter = new Set([
  '__pycache__',
  '.pytest_cache',
  '.ruff_cache',
  '.venv',
  'outputs',
  'node_modules',
]);

export function copyAssets(distUrl) {
  const dist = fileURLToPath(distUrl);
  for (const folder of ['templates', 'workflows']) {
    const target = join(dist, folder);
    rmSync(target, { recursive: true, force: true });
    // The folder's own package.json makes it a workspace member; a template's is a product file.
    const member = join(root, folder, 'package.json');
    // workflows/actions/report links to the report action's committed build: copy what the link
    // points at, so the tarball holds files and a later clean never deletes through a link.
    cpSync(join(root, folder), target, {
      recursive: true,
      dereference: true,
      filter: (source) =>
        source !== member && !litter.has(basename(source)) && !source.endsWith('.pyc'),
    });
  }
  // The requirement locks share most of their lines: one packed file stores each line once.
  const templates = join(dist, 'templates');
  writeFileSync(join(templates, packedLocksFile), packLocks(templates));
  rmSync(join(templates, 'locks'), { recursive: true });
}
