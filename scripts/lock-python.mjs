// Makes the hashed, universal requirement locks of every feature combination with uv, into
// templates/locks/<key>/. With --check, locks into a temporary folder and fails on any difference.
// Resolving is bound by PyPI round trips rather than by the CPU, so several uv processes run at
// once; they share uv's cache, which uv locks for concurrent use. Each lock then keeps only the
// hashes of files a supported Python and platform installs (core's trimLockHashes), looked up by
// file name on PyPI's simple index.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, parseArgs } from 'node:util';
import {
  lockCommand,
  lockExcludeNewer,
  pythonVersions,
  requirementSets,
  trimLockHashes,
} from '@ml-cicd/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const assets = { templatesDir: join(root, 'templates'), workflowsDir: join(root, 'workflows') };
const locksDir = join(assets.templatesDir, 'locks');
const uv = join(root, '.cache/tools-venv/bin/uv');
const defaultJobs = 6;

function usage(message) {
  console.error(`${message} Usage: pnpm lock:python [--check] [--jobs <1 or more>]`);
  process.exit(2);
}

let flags;
try {
  flags = parseArgs({
    options: { check: { type: 'boolean' }, jobs: { type: 'string' } },
  }).values;
} catch (error) {
  usage(`${error.message}.`);
}
const check = flags.check ?? false;
const jobs = Number(flags.jobs ?? defaultJobs);
if (!Number.isInteger(jobs) || jobs < 1) {
  usage(`--jobs must be a whole number of 1 or more, not "${flags.jobs}".`);
}

if (!existsSync(uv)) {
  console.error('uv is missing: run pnpm setup:tools first.');
  process.exit(1);
}

const run = promisify(execFile);

/** Locks `input` into `output` in `dir`; resolves to uv's error text when it fails. */
async function compile(dir, input, output) {
  try {
    await run(
      uv,
      [
        'pip',
        'compile',
        '--quiet',
        // uv would download a Python matching --python-version, only to build sdists' metadata,
        // which none of the locked packages needs. Where GitHub is out of reach, each attempt
        // costs ~10 s of retries, and concurrent uv processes queue for it one after the other.
        '--no-python-downloads',
        '--universal',
        '--generate-hashes',
        '--python-version',
        pythonVersions[0],
        '--exclude-newer',
        lockExcludeNewer,
        '--custom-compile-command',
        lockCommand(input, output),
        input,
        '-o',
        output,
      ],
      { cwd: dir },
    );
    return undefined;
  } catch (error) {
    return (error.stderr || error.message).trim();
  }
}

const index = 'https://pypi.org/simple';
// More connections at once than this and PyPI's CDN lets some of them time out.
const indexConnections = 8;

/** A project's files on PyPI, from its JSON simple page (PEP 691), with retries. */
async function indexPage(project, attempts = 3) {
  const name = project.toLowerCase().replace(/[-_.]+/g, '-');
  try {
    const response = await fetch(`${index}/${name}/`, {
      headers: { accept: 'application/vnd.pypi.simple.v1+json' },
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) throw new Error(`${index}/${name}/ answered ${response.status}.`);
    return (await response.json()).files;
  } catch (error) {
    if (attempts <= 1) throw error;
    return indexPage(project, attempts - 1);
  }
}

const projectsOf = (lock) =>
  [...lock.matchAll(/^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?==/gm)].map((match) => match[1]);

/** Runs `task` on every item with at most `limit` of them at a time. */
async function eachConcurrently(items, limit, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const inputs = requirementSets(assets);
const lockTargets = [
  { input: 'requirements.in', output: 'requirements.txt', text: (set) => set.runtimeIn },
  { input: 'requirements-dev.in', output: 'requirements-dev.txt', text: (set) => set.devIn },
];
const workRoot = mkdtempSync(join(tmpdir(), 'ml-cicd-lock-'));
// One slot per lock file in a stable order, so problems are listed the same way on every run.
const problems = new Map();
const sets = [...inputs].map(([key, set]) => {
  const work = join(workRoot, key);
  mkdirSync(work);
  for (const { input, output, text } of lockTargets) {
    writeFileSync(join(work, input), text(set));
    problems.set(`${key}/${output}`, undefined);
  }
  return { key, work, pending: lockTargets.length, failed: false };
});

/** Compares a fresh lock with the committed one under --check, or writes it. */
function settle(key, file, made) {
  const committed = join(locksDir, key, file);
  if (!check) {
    mkdirSync(join(locksDir, key), { recursive: true });
    writeFileSync(committed, made);
  } else if (!existsSync(committed) || readFileSync(committed, 'utf8') !== made) {
    problems.set(`${key}/${file}`, `templates/locks/${key}/${file} differs from a fresh lock.`);
  }
}

console.log(`Locking ${inputs.size} distinct requirement sets, ${jobs} uv processes at a time...`);
let finished = 0;
// The fresh locks, as uv wrote them, by `<key>/<file>`.
const made = new Map();
// Each set's two files are separate tasks, so the pool stays full up to the last set.
const tasks = sets.flatMap((set) => lockTargets.map((file) => ({ set, file })));
await eachConcurrently(tasks, jobs, async ({ set, file }) => {
  const failure = await compile(set.work, file.input, file.output);
  if (failure === undefined) {
    made.set(`${set.key}/${file.output}`, readFileSync(join(set.work, file.output), 'utf8'));
  } else {
    set.failed = true;
    problems.set(
      `${set.key}/${file.output}`,
      `Locking templates/locks/${set.key}/${file.output} failed:\n${failure}`,
    );
  }
  set.pending -= 1;
  if (set.pending > 0) return;
  finished += 1;
  console.log(
    `[${finished}/${inputs.size}] ${set.failed ? 'could not lock' : 'locked'} ${set.key}`,
  );
});
rmSync(workRoot, { recursive: true, force: true });

// Each lock keeps the hashes of the files a supported Python and platform installs, which it
// tells apart by file name: PyPI's index names the file of every hash.
const projects = [...new Set([...made.values()].flatMap(projectsOf))];
console.log(`Reading the file names of ${projects.length} projects' hashes from ${index}...`);
const filenames = new Map();
try {
  await eachConcurrently(projects, indexConnections, async (project) => {
    for (const file of await indexPage(project)) filenames.set(file.hashes.sha256, file.filename);
  });
} catch (error) {
  console.error(`Reading ${index} failed: ${error.cause?.message ?? error.message}`);
  process.exit(1);
}
for (const [path, lock] of made) {
  const [key, file] = path.split('/');
  settle(
    key,
    file,
    trimLockHashes(lock, (hash) => filenames.get(hash)),
  );
}

const messages = [...problems.values()].filter((message) => message !== undefined);
for (const entry of existsSync(locksDir) ? readdirSync(locksDir) : []) {
  if (inputs.has(entry)) continue;
  if (check) {
    messages.push(`templates/locks/${entry} belongs to no feature combination.`);
  } else {
    rmSync(join(locksDir, entry), { recursive: true, force: true });
  }
}

if (messages.length > 0) {
  for (const message of messages) console.error(message);
  console.error('Run pnpm lock:python to make the locks again.');
  process.exit(1);
}
console.log(
  check ? 'Locks are up to date.' : `Wrote ${inputs.size} lock set(s) to templates/locks/.`,
);
