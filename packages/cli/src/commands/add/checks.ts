/**
 * `add workflow test`: what checks.yml will do with this repository, said before its first run:
 * lint and formatting by the team's own ruff settings (or only what stops code from running),
 * no tests yet, data DVC tracks, and what requirements-dev.txt must hold for all of it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockCommand } from '@ml-cicd/core';

/** Folders that hold no code of the team's: tools', environments', vendored and built ones. */
const skipped = /^(\.|node_modules$|venv$|env$|site-packages$|build$|dist$|__pycache__$)/;

/** The repository's files, as paths with `/`, outside the skipped folders. */
function files(dir: string, folder = ''): string[] {
  let entries;
  try {
    entries = readdirSync(join(dir, folder), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return skipped.test(entry.name) ? [] : files(dir, path);
    return entry.isFile() ? [path] : [];
  });
}

const readText = (dir: string, path: string) =>
  existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : '';

/** Whether ruff finds settings of the team's: ruff.toml, .ruff.toml or [tool.ruff]. */
export function hasRuffSettings(dir: string): boolean {
  return (
    existsSync(join(dir, 'ruff.toml')) ||
    existsSync(join(dir, '.ruff.toml')) ||
    /^\[tool\.ruff/m.test(readText(dir, 'pyproject.toml'))
  );
}

const isTestFile = (path: string) => /(^|\/)(test_[^/]*|[^/]*_test)\.py$/.test(path);

export function checksNotes(dir: string): string[] {
  const all = files(dir);
  const notes: string[] = [];
  if (!hasRuffSettings(dir)) {
    notes.push(
      'The repository has no ruff settings (ruff.toml, or [tool.ruff] in pyproject.toml): checks.yml lints it only for syntax errors and undefined names, and leaves its formatting alone; add settings to have it linted and its formatting checked your way.',
    );
  }
  if (!all.some(isTestFile)) {
    notes.push(
      'No tests were found (test_*.py or *_test.py): pytest collects none, which checks.yml reports as a notice, not a failure, until you add some.',
    );
  }
  const tracked = all.filter((path) => path.endsWith('.dvc'));
  if (tracked.length > 0) {
    notes.push(
      `The repository tracks data with DVC (${tracked.slice(0, 3).join(', ')}${tracked.length > 3 ? ', …' : ''}): checks.yml runs dvc pull for it before the tests, without credentials (the job holds no secrets), so only a remote anyone may read can serve it.`,
    );
  }
  const wanted = ['ruff', 'pytest', ...(tracked.length > 0 ? ['dvc'] : [])];
  const locked = readText(dir, 'requirements-dev.txt');
  const missing = wanted.filter(
    (name) => !new RegExp(`^${name}(\\[[^\\]]*\\])?==`, 'm').test(locked),
  );
  if (missing.length > 0) {
    notes.push(
      `requirements-dev.txt, which checks.yml installs with --require-hashes, must hold ${missing.join(', ')}, and whatever the tests and the training script import: list them in requirements-dev.in (with -r requirements.in for the script's own), then run: ${lockCommand('requirements-dev.in', 'requirements-dev.txt')}`,
    );
  }
  return notes;
}
