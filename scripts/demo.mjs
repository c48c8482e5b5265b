// The main job on a fresh machine: scaffold a demo project with create-ml-cicd's defaults, outside
// this repository, then install its pinned requirements and train it with the embedded defaults.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, step } from './run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/create-ml-cicd/dist/index.js');
const workspace = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'ml-cicd-demo-'));
const project = join(workspace, 'demo-project');
const windows = process.platform === 'win32';
const python = windows
  ? join(project, '.venv/Scripts/python.exe')
  : join(project, '.venv/bin/python');

step('Build create-ml-cicd');
run('pnpm', ['--filter', 'create-ml-cicd...', 'build'], { cwd: root });
step(`Scaffold ${project}`);
run('node', [bin, project, '--yes', '--no-git']);
step('Create .venv and install the pinned requirements with hashes');
run(windows ? 'py' : 'python3', ['-m', 'venv', '.venv'], { cwd: project });
run(
  python,
  [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--require-hashes',
    '-r',
    'requirements.txt',
  ],
  { cwd: project },
);
step('Train with the embedded defaults');
run(python, ['train.py'], { cwd: project });
const metrics = join(project, 'outputs/metrics.json');
if (!existsSync(metrics)) {
  process.stderr.write(`✖ Training wrote no ${metrics}.\n`);
  process.exit(1);
}
process.stdout.write(`\n✔ Trained ${project}\n${readFileSync(metrics, 'utf8')}\n`);
