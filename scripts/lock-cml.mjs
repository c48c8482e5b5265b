// Locks CML for the cml-aws runner: npm resolves templates/runner-cml-aws/_github/cml/package.json
// into a package-lock.json beside it, which generated projects carry so their launch job can
// `npm ci`. With --check, locks into a temporary folder and fails when the committed lock differs.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../templates/runner-cml-aws/_github/cml/', import.meta.url));
const lock = join(dir, 'package-lock.json');
const check = process.argv.includes('--check');

const work = mkdtempSync(join(tmpdir(), 'ml-cicd-cml-lock-'));
try {
  copyFileSync(join(dir, 'package.json'), join(work, 'package.json'));
  execFileSync(
    'npm',
    ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'],
    // Record where each package came from, so the lock is the same on every machine.
    {
      cwd: work,
      stdio: 'inherit',
      env: { ...process.env, npm_config_omit_lockfile_registry_resolved: 'false' },
    },
  );
  const made = readFileSync(join(work, 'package-lock.json'), 'utf8');
  if (!check) {
    writeFileSync(lock, made);
    console.log(`Wrote ${lock}.`);
  } else if (!existsSync(lock) || readFileSync(lock, 'utf8') !== made) {
    console.error(`${lock} differs from a fresh lock: run pnpm lock:cml.`);
    process.exitCode = 1;
  } else {
    console.log('The CML lock is up to date.');
  }
} catch (error) {
  if (error.status === undefined) throw error;
  console.error('npm could not lock CML (its message is above): nothing was written.');
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
