// Scaffold wall time of both tools: from their installed tarballs with warm disks, and through
// `npm exec` from an empty npm cache (what `npm create` does on a first run).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, npmEnv } from './pack.mjs';
import { interleave, run } from './time.mjs';

/**
 * How each tool scaffolds the folder `project` without asking anything, and a file that proves it
 * wrote the project.
 */
export const TOOLS = {
  ours: { args: ['project', '--yes', '--no-git'], writes: 'ml-cicd.yaml' },
  // Without a TTY create-vite 9 already skips its prompts; the flags make that explicit, and
  // --no-immediate keeps it from installing and starting the dev server.
  peer: {
    args: ['project', '--template', 'vanilla-ts', '--no-interactive', '--no-immediate'],
    writes: 'index.html',
  },
  bare: { args: ['project'], writes: 'ml-cicd.yaml' },
  // Its defaults otherwise (virtualenv, requirements.txt, ruff, mkdocs, the code scaffold).
  ccds: { args: ['--no-input', 'project_name=project'], writes: 'Makefile' },
};

const bareWriter = fileURLToPath(new URL('./bare-writer.mjs', import.meta.url));

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Scaffolds once with create-ml-cicd and stores every file it wrote (path, text, mode) in one JSON
 * file for the bare writer. Returns the file and how many files the project has.
 */
export async function snapshotProject(installed, root) {
  const dir = await mkdtemp(join(root, 'snapshot-'));
  await run(process.execPath, [installed.ours.bin, ...TOOLS.ours.args], {
    cwd: dir,
    env: cleanEnv(),
  });
  const project = join(dir, 'project');
  const files = [];
  for (const file of await filesUnder(project)) {
    files.push({
      path: relative(project, file),
      content: await readFile(file, 'utf8'),
      mode: (await stat(file)).mode & 0o777,
    });
  }
  const json = join(root, 'project-files.json');
  await writeFile(json, JSON.stringify(files));
  await rm(dir, { recursive: true, force: true });
  return { json, count: files.length };
}

async function scaffoldOnce(root, tool, command, args, env) {
  const dir = await mkdtemp(join(root, 'run-'));
  const cwd = join(dir, 'work');
  await mkdir(cwd);
  const { ms } = await run(command, [...args, ...TOOLS[tool].args], {
    cwd,
    env: env(dir),
  });
  if (!existsSync(join(cwd, 'project', TOOLS[tool].writes))) {
    throw new Error(`${tool} exited 0 but wrote no project/${TOOLS[tool].writes}.`);
  }
  await rm(dir, { recursive: true, force: true });
  return ms;
}

/**
 * `node <installed bin> project ...` for both tools, the bare writer of the same project, `node -e
 * 0` as the floor, and ccds with its template when `ccds` is given.
 */
export function warmScaffold(installed, snapshot, { root, iterations, warmup, onRound, ccds }) {
  const env = cleanEnv();
  const node = process.execPath;
  const tasks = {
    ours: () => scaffoldOnce(root, 'ours', node, [installed.ours.bin], () => env),
    peer: () => scaffoldOnce(root, 'peer', node, [installed.peer.bin], () => env),
    bare: () => scaffoldOnce(root, 'bare', node, [bareWriter, snapshot.json], () => env),
    floor: async () => (await run(node, ['-e', '0'], { env })).ms,
    ...(ccds && {
      // Its own HOME: cookiecutter writes a replay file there on every run.
      ccds: () =>
        scaffoldOnce(root, 'ccds', ccds.bin, [ccds.template], (dir) => ({ ...env, HOME: dir })),
    }),
  };
  return interleave(tasks, { iterations, warmup, onRound });
}

/** `npm exec --package <tarball>` with a new, empty npm cache every time: install plus scaffold. */
export function coldScaffold(packs, npmrc, { root, iterations, warmup, onRound }) {
  const task = (tool) => () =>
    scaffoldOnce(
      root,
      tool,
      'npm',
      ['exec', '--yes', '--package', packs[tool].tarball, '--', packs[tool].name],
      (dir) => npmEnv(npmrc, join(dir, 'npm-cache')),
    );
  return interleave({ ours: task('ours'), peer: task('peer') }, { iterations, warmup, onRound });
}
