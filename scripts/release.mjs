// `pnpm release`: publishes the versions `changeset version` set, from a clean tree.
// Builds, publishes the public packages in dependency order (pnpm rewrites workspace:* to the
// versions), tags each `<name>@<version>`, tags the report action `report-action-v<version>`
// and moves `report-action-v<major>`, and with --template-remote refreshes the template repository.
// A package whose version the registry already has is skipped, so a failed release can be re-run.
//   node scripts/release.mjs [--registry URL] [--dry-run] [--template-remote GIT_URL]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const usage = 'Usage: pnpm release [--registry URL] [--dry-run] [--template-remote GIT_URL].';
/** Each package after the ones it depends on. */
const publishedDirs = [
  'packages/config',
  'packages/core',
  'packages/cli',
  'packages/create-ml-cicd',
];
const reportActionDir = 'packages/report-action';

function fail(message, status = 1) {
  process.stderr.write(`✖ ${message}\n`);
  process.exit(status);
}

/** Runs a command with its output shown; a failure stops the release with one sentence. */
function run(what, command, args, dir = '.') {
  process.stdout.write(`${dir === '.' ? '' : `(${dir}) `}$ ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: join(root, dir), stdio: 'inherit' });
  if (result.status !== 0)
    fail(`${what} failed (exit ${result.status ?? result.signal}); see the output above.`);
}

function capture(command, args) {
  return spawnSync(command, args, { cwd: root, encoding: 'utf8' });
}

function git(args) {
  const result = capture('git', args);
  if (result.status !== 0)
    fail(`git ${args.join(' ')} failed: ${result.stderr.trim().split('\n')[0]}`);
  return result.stdout.trim();
}

function manifest(dir) {
  return JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
}

function requireCleanTree(moment) {
  const changed = capture('git', ['status', '--porcelain']).stdout;
  if (changed !== '') {
    const first = changed.split('\n')[0].slice(3);
    fail(
      `The working tree has uncommitted changes ${moment} (${first} among them): commit them first.`,
    );
  }
}

function tagExists(tag) {
  return capture('git', ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`]).status === 0;
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      registry: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'template-remote': { type: 'string' },
    },
  }));
} catch (error) {
  fail(`${error.message.split('\n')[0].replace(/\.?$/, '.')} ${usage}`, 2);
}
if (options.registry !== undefined && !/^https?:\/\/\S+$/.test(options.registry)) {
  fail(`--registry must be an http(s) URL. ${usage}`, 2);
}
const dryRun = options['dry-run'];
const registryArgs = options.registry ? ['--registry', options.registry] : [];

requireCleanTree('before the release');
run('The build', 'pnpm', [
  'exec',
  'turbo',
  'run',
  'build',
  '--output-logs=errors-only',
  ...[...publishedDirs, reportActionDir].map((dir) => `--filter=./${dir}`),
]);
// The report action's dist/ is committed: a build that changes it means it was not rebuilt.
requireCleanTree('after the build');
if (options['template-remote']) {
  run('The template check (run pnpm template:build and commit template/)', 'node', [
    'scripts/template.mjs',
    '--check',
  ]);
}

const tags = [];
for (const dir of publishedDirs) {
  const { name, version } = manifest(dir);
  const known = capture('npm', ['view', `${name}@${version}`, 'version', ...registryArgs]);
  if (known.status === 0 && known.stdout.trim() === version) {
    process.stdout.write(`✔ ${name}@${version} is in the registry already.\n`);
  } else {
    const publishArgs = ['publish', '--no-git-checks', '--access', 'public', ...registryArgs];
    if (dryRun) publishArgs.push('--dry-run');
    run(`Publishing ${name}@${version}`, 'pnpm', publishArgs, dir);
  }
  tags.push(`${name}@${version}`);
}

const { version: actionVersion } = manifest(reportActionDir);
tags.push(`report-action-v${actionVersion}`);
const newTags = tags.filter((tag) => !tagExists(tag));
const majorTag = `report-action-v${actionVersion.split('.')[0]}`;
if (dryRun) {
  process.stdout.write(`Would tag ${[...newTags, majorTag].join(', ')} (dry run).\n`);
} else {
  for (const tag of newTags) git(['tag', tag]);
  // The moving major tag follows the newest report action release.
  if (newTags.includes(`report-action-v${actionVersion}`)) git(['tag', '--force', majorTag]);
  const push = newTags.length ? `git push origin ${newTags.join(' ')}; ` : '';
  process.stdout.write(
    `✔ Tagged ${newTags.join(', ') || 'nothing new'}; push with: ${push}git push --force origin ${majorTag}\n`,
  );
}

if (options['template-remote']) {
  if (dryRun) {
    process.stdout.write(`Would refresh the template repository (dry run).\n`);
  } else {
    run('The template refresh', 'node', [
      'scripts/publish-template.mjs',
      options['template-remote'],
    ]);
  }
}
