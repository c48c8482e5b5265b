// Makes the hashed, universal requirement locks of every feature combination with uv, into
// templates/locks/<key>/. With --check, locks into a temporary folder and fails on any difference.
// A lock already committed for a key is uv's existing output file, without its hashes: uv keeps its
// pins and writes every hash afresh (a new key, from changed .in texts or a new cutoff date, locks
// anew). Resolving is bound by PyPI round trips rather than by the CPU, so several uv processes run
// at once; they share uv's cache, which uv locks for concurrent use. Each lock then keeps only the
// hashes of files a supported Python installs (core's trimLockHashes), looked up by file name on
// PyPI's simple index, and on each platform uv can target, the file uv would install from each
// locked release must be one whose hash the lock kept.
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
// uv's targets for the platform check: Linux with old and new glibc and with musl, on each CPU uv
// knows; macOS and Windows on each of theirs.
const platforms = [
  'x86_64-manylinux_2_17',
  'x86_64-manylinux_2_28',
  'x86_64-manylinux_2_40',
  'aarch64-manylinux_2_17',
  'aarch64-manylinux_2_28',
  'aarch64-manylinux_2_40',
  'x86_64-unknown-linux-musl',
  'aarch64-unknown-linux-musl',
  'riscv64-unknown-linux',
  'x86_64-apple-darwin',
  'aarch64-apple-darwin',
  'x86_64-pc-windows-msvc',
  'aarch64-pc-windows-msvc',
  'i686-pc-windows-msvc',
];

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

/** A project's name as PyPI's index and uv write it (PEP 503). */
const normalize = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');

const index = 'https://pypi.org/simple';
// More connections at once than this and PyPI's CDN lets some of them time out.
const indexConnections = 8;

/** A project's files on PyPI, from its JSON simple page (PEP 691), with retries. */
async function indexPage(project, attempts = 3) {
  const name = normalize(project);
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

const hashedRequirement = /^(\S[^\n]*?) \\\n((?: {4}--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)/gm;
const withoutHashes = (lock) => lock.replace(hashedRequirement, '$1\n');

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
    // uv keeps the pins of an existing output file, and its hashes too unless they are gone.
    const committed = join(locksDir, key, output);
    if (existsSync(committed)) {
      writeFileSync(join(work, output), withoutHashes(readFileSync(committed, 'utf8')));
    }
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

// Each lock keeps the hashes of the files a supported Python installs, which it tells apart by
// file name: PyPI's index names the file of every hash.
/** The locks in templates/locks: as written above, or as committed under --check. */
const committedLocks = () =>
  [...inputs.keys()].flatMap((key) =>
    lockTargets
      .map(({ output }) => join(locksDir, key, output))
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path, 'utf8')),
  );
const projects = [...new Set([...made.values(), ...committedLocks()].flatMap(projectsOf))];
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

/** The file uv would install from each release in `layer`, with `platform` and `python`. */
async function uvChoices(platform, python, layer, target) {
  const { stderr } = await run(
    uv,
    [
      'pip',
      'install',
      '--dry-run',
      '--verbose',
      '--no-deps',
      '--no-python-downloads',
      '--python-platform',
      platform,
      '--python-version',
      python,
      '--exclude-newer',
      lockExcludeNewer,
      '--target',
      target,
      '-r',
      layer,
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  // uv's debug log names the file of each release it selects.
  const chosen = new Map(
    [...stderr.matchAll(/^DEBUG Selecting: (\S+)==(\S+) \[[^\]]*\] \((\S+)\)$/gm)].map(
      ([, name, version, filename]) => [`${normalize(name)}==${version}`, filename],
    ),
  );
  return [...stderr.matchAll(/^ \+ (\S+)==(\S+)$/gm)].map(([, name, version]) => {
    const release = `${normalize(name)}==${version}`;
    return { release, filename: chosen.get(release) };
  });
}

/**
 * On each platform uv can target, with each supported Python, the file uv would install from every
 * release the locks pin must be one whose hash they kept, or --require-hashes fails there. The
 * releases go to uv in layers, without their dependencies, one release of a project per layer: the
 * file uv picks for a release depends on the platform and Python alone.
 */
async function platformProblems(locks) {
  const hashOfFile = new Map([...filenames].map(([hash, filename]) => [filename, hash]));
  const kept = new Map();
  const layers = [];
  for (const lock of locks) {
    for (const [, line, hashes] of lock.matchAll(hashedRequirement)) {
      const [, name, version] = /^([^\s=[;]+)(?:\[[^\]]*\])?==([^\s;]+)/.exec(line);
      const release = `${normalize(name)}==${version}`;
      if (!kept.has(release)) kept.set(release, new Set());
      for (const [hash] of hashes.matchAll(/[0-9a-f]{64}/g)) kept.get(release).add(hash);
      const project = normalize(name);
      if (layers.some((layer) => layer.get(project) === line)) continue;
      const layer = layers.find((candidate) => !candidate.has(project));
      if (layer) layer.set(project, line);
      else layers.push(new Map([[project, line]]));
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'ml-cicd-lock-platforms-'));
  const layerFiles = layers.map((layer, position) => {
    const path = join(dir, `layer-${position}.txt`);
    writeFileSync(path, `${[...layer.values()].join('\n')}\n`);
    return path;
  });
  const runs = platforms.flatMap((platform) =>
    pythonVersions.flatMap((python) => layerFiles.map((layer) => ({ platform, python, layer }))),
  );
  console.log(
    `Checking the file uv installs from each of ${kept.size} releases on ${platforms.length} platforms` +
      ` with Python ${pythonVersions.join(', ')} (${runs.length} uv runs)...`,
  );
  const found = [];
  // Per file uv installs that the locks lack: its release and where uv installs it.
  const uncovered = new Map();
  await eachConcurrently(runs, jobs, async ({ platform, python, layer }) => {
    const where = `${platform} with Python ${python}`;
    let choices;
    try {
      choices = await uvChoices(platform, python, layer, join(dir, 'target'));
    } catch (error) {
      const said = (error.stderr || error.message)
        .split('\n')
        .filter((text) => !/^(DEBUG|TRACE|WARN) /.test(text))
        .join('\n');
      found.push(`uv cannot install the locked releases on ${where}:\n${said.trim()}`);
      return;
    }
    for (const { release, filename } of choices) {
      if (filename === undefined) {
        found.push(`uv's log names no file for ${release} on ${where}.`);
      } else if (!kept.get(release)?.has(hashOfFile.get(filename))) {
        if (!uncovered.has(filename)) uncovered.set(filename, { release, where: [] });
        uncovered.get(filename).where.push(where);
      }
    }
  });
  rmSync(dir, { recursive: true, force: true });
  for (const [filename, { release, where }] of uncovered) {
    found.push(
      `The locks of ${release} lack the hash of ${filename}, which uv installs on ${where.sort().join('; ')}.`,
    );
  }
  return found.sort();
}

const messages = [
  ...[...problems.values()].filter((message) => message !== undefined),
  ...(await platformProblems(committedLocks())),
];
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
