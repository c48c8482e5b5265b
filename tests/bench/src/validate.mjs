// `ml-cicd validate` against actionlint on the same 100 workflows: a generated project whose
// workflows are copied under other names until .github/workflows/ holds 100 files.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanEnv, repoRoot } from './pack.mjs';
import { interleave, run, summarize } from './time.mjs';

const workflowCount = 100;
const validateBin = join(repoRoot, 'packages/cli/dist/index.js');
const actionlint = join(repoRoot, '.cache/bin/actionlint');
const tools = join(repoRoot, '.cache/tools-venv/bin');

/** A generated project whose workflows, copied in turn under new names, make up 100 files. */
async function hundredWorkflows(createBin, root, env) {
  await run(process.execPath, [createBin, 'project', '--yes', '--no-git'], { cwd: root, env });
  const project = join(root, 'project');
  const folder = join(project, '.github/workflows');
  const own = (await readdir(folder)).sort();
  const texts = await Promise.all(own.map((name) => readFile(join(folder, name), 'utf8')));
  for (let i = own.length; i < workflowCount; i++) {
    const k = i % own.length;
    // Each copy has a name of its own, as a repository's workflows do.
    const text = texts[k].replace(/^name: (.*)$/m, `name: $1 ${i}`);
    await writeFile(join(folder, `copy-${i}-${own[k]}`), text);
  }
  return project;
}

/** Each command must pass the project clean: a finding would make `run` reject. */
async function commands(project) {
  const node = (script, ...args) => [process.execPath, [script, ...args]];
  // Named one by one: actionlint looks for a git repository only when given none.
  const files = (await readdir(join(project, '.github/workflows'))).map(
    (name) => `.github/workflows/${name}`,
  );
  return {
    'ml-cicd validate': node(validateBin, 'validate'),
    'ml-cicd action (CI, no GitHub parser)': node('.github/actions/ml-cicd/index.mjs'),
    actionlint: [actionlint, ['-shellcheck=', '-pyflakes=', ...files]],
    'actionlint + shellcheck + pyflakes': [
      actionlint,
      ['-shellcheck', join(tools, 'shellcheck'), '-pyflakes', join(tools, 'pyflakes'), ...files],
    ],
  };
}

export async function benchValidate(createBin, { root, runs, build, progress, onRound }) {
  if (build) {
    progress('building ml-cicd (pnpm --filter ml-cicd... build)');
    await run('pnpm', ['--filter', 'ml-cicd...', 'build'], { cwd: repoRoot });
  }
  const env = cleanEnv();
  const project = await hundredWorkflows(createBin, root, env);
  progress(`ml-cicd validate and actionlint on ${workflowCount} workflows`);
  const tasks = Object.fromEntries(
    Object.entries(await commands(project)).map(([name, [command, args]]) => [
      name,
      async () => (await run(command, args, { cwd: project, env })).ms,
    ]),
  );
  const samples = await interleave(tasks, { iterations: runs, warmup: 1, onRound });
  const stats = Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [name, summarize(list)]),
  );
  return { workflows: workflowCount, samples, stats };
}

export function renderValidate({ workflows, stats }) {
  const rows = Object.entries(stats).map(
    ([name, s]) =>
      `  ${name.padEnd(38)}${`${s.median.toFixed(0)} ms`.padStart(9)}  (p25 ${s.p25.toFixed(0)}, p75 ${s.p75.toFixed(0)})`,
  );
  const ratio = (a, b) => (stats[a].median / stats[b].median).toFixed(2);
  return [
    `ml-cicd validate and actionlint on the same ${workflows} workflows: medians of ${Object.values(stats)[0].n} runs`,
    ...rows,
    `  ratio validate / actionlint: ${ratio('ml-cicd validate', 'actionlint')}; with shellcheck and pyflakes: ${ratio('ml-cicd validate', 'actionlint + shellcheck + pyflakes')}`,
  ].join('\n');
}
