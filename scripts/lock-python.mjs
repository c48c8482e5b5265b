// Makes the hashed, universal requirement locks of every feature combination with uv, into
// templates/locks/<key>/. With --check, locks into a temporary folder and fails on any difference.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockCommand, lockExcludeNewer, pythonVersions, requirementSets } from '@ml-cicd/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const assets = { templatesDir: join(root, 'templates'), workflowsDir: join(root, 'workflows') };
const locksDir = join(assets.templatesDir, 'locks');
const uv = join(root, '.cache/tools-venv/bin/uv');
const check = process.argv.includes('--check');

if (!existsSync(uv)) {
  console.error('uv is missing: run pnpm setup:tools first.');
  process.exit(1);
}

function compile(dir, input, output) {
  execFileSync(
    uv,
    [
      'pip',
      'compile',
      '--quiet',
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
    { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

const inputs = requirementSets(assets);

let stale = 0;
for (const [key, { runtimeIn, devIn }] of inputs) {
  const work = mkdtempSync(join(tmpdir(), 'ml-cicd-lock-'));
  writeFileSync(join(work, 'requirements.in'), runtimeIn);
  writeFileSync(join(work, 'requirements-dev.in'), devIn);
  console.log(`Locking ${key} (${inputs.size} distinct requirement sets)...`);
  compile(work, 'requirements.in', 'requirements.txt');
  compile(work, 'requirements-dev.in', 'requirements-dev.txt');
  const target = join(locksDir, key);
  for (const file of ['requirements.txt', 'requirements-dev.txt']) {
    const made = readFileSync(join(work, file), 'utf8');
    const committed = join(target, file);
    if (check) {
      if (!existsSync(committed) || readFileSync(committed, 'utf8') !== made) {
        console.error(`templates/locks/${key}/${file} differs from a fresh lock.`);
        stale += 1;
      }
    } else {
      mkdirSync(target, { recursive: true });
      writeFileSync(committed, made);
    }
  }
  rmSync(work, { recursive: true, force: true });
}

for (const entry of existsSync(locksDir) ? readdirSync(locksDir) : []) {
  if (inputs.has(entry)) continue;
  if (check) {
    console.error(`templates/locks/${entry} belongs to no feature combination.`);
    stale += 1;
  } else {
    rmSync(join(locksDir, entry), { recursive: true, force: true });
  }
}

if (stale > 0) {
  console.error('Run pnpm lock:python to make the locks again.');
  process.exit(1);
}
console.log(
  check ? 'Locks are up to date.' : `Wrote ${inputs.size} lock set(s) to templates/locks/.`,
);
