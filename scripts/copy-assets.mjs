// Copies templates/ and workflows/ beside a built bin, so its tarball is self-contained.
import { cpSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const litter = new Set([
  '__pycache__',
  '.pytest_cache',
  '.ruff_cache',
  '.venv',
  'outputs',
  'node_modules',
  'package.json',
]);

export function copyAssets(distUrl) {
  const dist = fileURLToPath(distUrl);
  for (const folder of ['templates', 'workflows']) {
    const target = join(dist, folder);
    rmSync(target, { recursive: true, force: true });
    cpSync(join(root, folder), target, {
      recursive: true,
      filter: (source) => !litter.has(basename(source)) && !source.endsWith('.pyc'),
    });
  }
}
