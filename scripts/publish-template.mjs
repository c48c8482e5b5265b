// Release step: publishes template/ as the "Use this template" repository. The target's branch
// becomes exactly the folder (files the folder no longer has are deleted), in one commit named
// after the create-ml-cicd version; nothing is pushed when the branch already matches.
//   node scripts/publish-template.mjs <git-url> [--branch main] [--from template]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));

function fail(message) {
  process.stderr.write(`✖ ${message}\n`);
  process.exit(1);
}

function git(cwd, args) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) fail(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { branch: { type: 'string', default: 'main' }, from: { type: 'string' } },
  });
} catch (error) {
  fail(
    `${error.message.split('\n')[0]} Usage: publish-template.mjs <git-url> [--branch main] [--from template]`,
  );
}
const [url] = parsed.positionals;
if (!url || parsed.positionals.length > 1) {
  fail('Give one target: publish-template.mjs <git-url> [--branch main] [--from template].');
}
const { branch } = parsed.values;
const from = parsed.values.from ?? join(root, 'template');
const { version } = JSON.parse(
  readFileSync(join(root, 'packages/create-ml-cicd/package.json'), 'utf8'),
);

const work = mkdtempSync(join(tmpdir(), 'ml-cicd-publish-'));
try {
  const clone = join(work, 'repository');
  git(work, ['clone', '--quiet', url, clone]);
  // An empty target has no branch yet; otherwise start from the branch being published.
  const remoteBranch = spawnSync('git', ['rev-parse', '--verify', '--quiet', `origin/${branch}`], {
    cwd: clone,
  });
  if (remoteBranch.status === 0)
    git(clone, ['checkout', '--quiet', '-B', branch, `origin/${branch}`]);
  else git(clone, ['checkout', '--quiet', '--orphan', branch]);
  for (const entry of readdirSync(clone)) {
    if (entry !== '.git') rmSync(join(clone, entry), { recursive: true, force: true });
  }
  cpSync(from, clone, { recursive: true });
  git(clone, ['add', '--all']);
  if (git(clone, ['status', '--porcelain']) === '') {
    process.stdout.write(`✔ ${url} ${branch} is the template already: nothing to publish.\n`);
  } else {
    git(clone, ['commit', '--quiet', '--message', `ml-cicd template ${version}`]);
    git(clone, ['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`]);
    process.stdout.write(`✔ Published the ml-cicd ${version} template to ${url} ${branch}.\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
