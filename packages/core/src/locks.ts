/**
 * Requirements: `requirements*.in` are composed from the features' packages and the typed pins;
 * the hashed `requirements*.txt` are universal locks made ahead of time by `pnpm lock:python` and
 * stored under `templates/locks/<key>/`, keyed by the `.in` texts, so generation stays offline.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockExcludeNewer, pypi, pythonVersions, type PypiPackage } from './versions.js';

export const lockFiles = ['requirements.txt', 'requirements-dev.txt'] as const;

/** The command that re-locks `input` into `output`; it is also written in each lock's header. */
export function lockCommand(input: string, output: string): string {
  return `uv pip compile --universal --generate-hashes --python-version ${pythonVersions[0]} ${input} -o ${output}`;
}

function pinLines(packages: ReadonlySet<PypiPackage>): string[] {
  return [...packages].sort().map((name) => `${name}==${pypi[name]}`);
}

export function requirementsIn(packages: ReadonlySet<PypiPackage>): string {
  return [
    '# Direct runtime dependencies. requirements.txt pins them and everything they need, with hashes:',
    `# ${lockCommand('requirements.in', 'requirements.txt')}`,
    ...pinLines(packages),
    '',
  ].join('\n');
}

export function requirementsDevIn(packages: ReadonlySet<PypiPackage>): string {
  return [
    '# Tools for tests and linting, on top of the runtime dependencies:',
    `# ${lockCommand('requirements-dev.in', 'requirements-dev.txt')}`,
    '-r requirements.in',
    ...pinLines(packages),
    '',
  ].join('\n');
}

/** The folder name of the locks made from these `.in` texts. */
export function lockKey(runtimeIn: string, devIn: string): string {
  return createHash('sha256')
    .update(`${lockExcludeNewer}\0${runtimeIn}\0${devIn}`)
    .digest('hex')
    .slice(0, 16);
}

/** The stored locks for these `.in` texts, or undefined when `pnpm lock:python` has not made them. */
export function readLocks(
  templatesDir: string,
  key: string,
): Record<(typeof lockFiles)[number], string> | undefined {
  const dir = join(templatesDir, 'locks', key);
  if (!existsSync(dir)) return undefined;
  return {
    'requirements.txt': readFileSync(join(dir, 'requirements.txt'), 'utf8'),
    'requirements-dev.txt': readFileSync(join(dir, 'requirements-dev.txt'), 'utf8'),
  };
}
