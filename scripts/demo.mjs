// The main job on a fresh machine: scaffold a demo project with create-ml-cicd's defaults, outside
// this repository, install its pinned requirements and train it with the embedded defaults.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffoldAndRun } from './project.mjs';
import { run, step } from './run.mjs';

const dir = join(process.argv[2] ?? mkdtempSync(join(tmpdir(), 'ml-cicd-demo-')), 'demo-project');
step('Build create-ml-cicd');
run('pnpm', ['--filter', 'create-ml-cicd...', 'build']);
const metrics = await scaffoldAndRun({ dir });
process.stdout.write(`\n✔ Trained ${dir}\n${JSON.stringify(metrics, null, 2)}\n`);
