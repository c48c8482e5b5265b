// Stores an artifact in the suite's folder: <store>/<run id>/<name>/ plus <name>.json describing it.
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  globSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const output = (name, value) => appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);

function fail(message) {
  process.stdout.write(`::error title=upload-artifact stand-in::${message}\n`);
  process.exit(1);
}

const name = input('name');
if (/[":<>|*?\r\n\\/]/.test(name))
  fail(`the artifact name "${name}" has a character GitHub refuses.`);
const noFiles = input('if-no-files-found');
if (!['warn', 'error', 'ignore'].includes(noFiles))
  fail(`if-no-files-found "${noFiles}" is not warn, error or ignore.`);
const store = process.env.ML_CICD_ARTIFACT_STORE;
if (!store) fail('ML_CICD_ARTIFACT_STORE is not set.');

const workspace = process.env.GITHUB_WORKSPACE;
const lines = input('path')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);
const includes = lines.filter((line) => !line.startsWith('!'));
const excludes = lines.filter((line) => line.startsWith('!')).map((line) => line.slice(1));
const hidden = input('include-hidden-files') === 'true';

/** Every file under a match; a folder stands for all its files. */
function filesOf(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const excluded = new Set(
  excludes
    .flatMap((pattern) => globSync(pattern, { cwd: workspace }))
    .map((p) => resolve(workspace, p)),
);
const roots = includes
  .flatMap((pattern) => globSync(pattern, { cwd: workspace }))
  .map((p) => resolve(workspace, p));
const files = [...new Set(roots.flatMap(filesOf))]
  .filter((file) => !excluded.has(file))
  .filter(
    (file) =>
      hidden ||
      !relative(workspace, file)
        .split(sep)
        .some((part) => part.startsWith('.') && part !== '..'),
  )
  .sort();

if (files.length === 0) {
  const message = `No files were found with the provided path: ${lines.join(', ')}. No artifacts will be uploaded.`;
  if (noFiles === 'error') fail(message);
  if (noFiles === 'warn') process.stdout.write(`::warning::${message}\n`);
  else console.log(message);
  process.exit(0);
}

// Paths are kept relative to the artifact's root, which the real action takes from the paths
// asked for, not from the files found: each line's search path (up to its first glob), those
// inside another left out; several give the folder that holds them all; one lone file, its folder.
const inside = (folder, path) => !relative(folder, path).startsWith('..');
const searchPath = (pattern) => {
  const parts = pattern.split('/');
  const glob = parts.findIndex((part) => /[*?[]/.test(part));
  return resolve(workspace, (glob < 0 ? parts : parts.slice(0, glob)).join('/') || '.');
};
const searchPaths = [...new Set(includes.map(searchPath))];
const searched = searchPaths.filter(
  (path) => !searchPaths.some((other) => other !== path && inside(other, path)),
);
let common = searched[0];
if (searched.length > 1) {
  while (!searched.every((path) => inside(common, path))) common = dirname(common);
} else if (files.length === 1 && files[0] === common) common = dirname(common);

const runId = process.env.GITHUB_RUN_ID;
const runDir = join(store, runId);
const metaFile = join(runDir, `${name}.json`);
if (existsSync(metaFile)) {
  if (input('overwrite') !== 'true')
    fail(
      `an artifact named ${name} already exists in this run; set overwrite: true to replace it.`,
    );
  rmSync(join(runDir, name), { recursive: true, force: true });
}
mkdirSync(join(runDir, name), { recursive: true });
const digest = createHash('sha256');
for (const file of files) {
  const path = relative(common, file);
  if (isAbsolute(path) || path.startsWith('..')) fail(`${file} is outside ${common}.`);
  cpSync(file, join(runDir, name, path));
  digest.update(path).update(readFileSync(file));
}
const index =
  readdirSync(runDir).filter((entry) => entry.endsWith('.json')).length +
  (existsSync(metaFile) ? 0 : 1);
const id = Number(runId) * 100 + index;
const meta = {
  id,
  name,
  runId: Number(runId),
  repository: process.env.GITHUB_REPOSITORY,
  headBranch: process.env.GITHUB_HEAD_REF || process.env.GITHUB_REF_NAME,
  headSha: process.env.GITHUB_SHA,
  createdAt: new Date().toISOString(),
  files: files.map((file) => relative(common, file)),
};
writeFileSync(metaFile, JSON.stringify(meta, null, 2));
console.log(`Stored artifact ${name} (id ${id}): ${meta.files.join(', ')}`);
output('artifact-id', id);
output(
  'artifact-url',
  `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}/actions/runs/${runId}/artifacts/${id}`,
);
output('artifact-digest', digest.digest('hex'));
