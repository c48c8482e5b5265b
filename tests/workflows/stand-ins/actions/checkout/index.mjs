// Fetches the commit under test the way actions/checkout does, with plain git commands.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const output = (name, value) => appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);

function git(dir, ...args) {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
}

function fail(message) {
  process.stdout.write(`::error title=checkout stand-in::${message}\n`);
  process.exit(1);
}

const repository = input('repository');
const depth = Number(input('fetch-depth') || '1');
if (!Number.isInteger(depth) || depth < 0)
  fail(`fetch-depth "${input('fetch-depth')}" is not a whole number.`);
const dir = resolve(process.env.GITHUB_WORKSPACE, input('path'));
const ref = input('ref');
const target = ref || process.env.GITHUB_SHA;

mkdirSync(dir, { recursive: true });
git(dir, 'init', '--quiet');
git(dir, 'remote', 'add', 'origin', `${process.env.GITHUB_SERVER_URL}/${repository}`);
const depthArgs = depth === 0 ? [] : [`--depth=${depth}`];
try {
  git(dir, 'fetch', '--quiet', '--no-tags', ...depthArgs, 'origin', target);
} catch (error) {
  fail(`could not fetch ${target} of ${repository}: ${error.stderr?.toString().trim()}`);
}
const commit = git(dir, 'rev-parse', 'FETCH_HEAD');
const branch = ref && !/^[0-9a-f]{40}$/.test(ref) ? ref.replace(/^refs\/heads\//, '') : '';
if (branch && !branch.startsWith('refs/')) {
  git(dir, 'checkout', '--quiet', '--force', '-B', branch, commit);
} else {
  git(dir, 'checkout', '--quiet', '--force', '--detach', commit);
}
if (input('persist-credentials') === 'true') {
  const basic = Buffer.from(`x-access-token:${input('token')}`).toString('base64');
  git(
    dir,
    'config',
    '--local',
    `http.${process.env.GITHUB_SERVER_URL}/.extraheader`,
    `AUTHORIZATION: basic ${basic}`,
  );
}
const shallow = depth === 0 ? 'the whole history' : `depth ${depth}`;
console.log(`Checked out ${repository} at ${commit} (${shallow}) into ${dir}.`);
output('ref', ref || process.env.GITHUB_REF || '');
output('commit', commit);
