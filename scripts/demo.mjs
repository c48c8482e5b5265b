// The main job on a fresh machine: scaffold a demo project with create-ml-cicd's defaults, outside
// this repository, install its pinned requirements and train it with the embedded defaults.
// Both bins run from their packed tarballs, as a user runs them before they are on npm, so the next
// steps create-ml-cicd prints run them the same way (npm would answer 404).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaffoldAndRun } from './project.mjs';
import { run, step } from './run.mjs';

const root = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'ml-cicd-demo-'));
const dir = join(root, 'demo-project');
const packs = join(root, 'packs');
step('Build create-ml-cicd and ml-cicd');
run('pnpm', ['--filter', 'create-ml-cicd...', '--filter', 'ml-cicd...', 'build']);
step(`Pack both bins into ${packs}`);
mkdirSync(packs, { recursive: true });
for (const pkg of ['create-ml-cicd', 'cli']) {
  const cwd = fileURLToPath(new URL(`../packages/${pkg}`, import.meta.url));
  run('npm', ['pack', '--silent', '--pack-destination', packs], { cwd });
}
const metrics = await scaffoldAndRun({ dir, packs });
process.stdout.write(`\n✔ Trained ${dir}\n${JSON.stringify(metrics, null, 2)}\n`);
