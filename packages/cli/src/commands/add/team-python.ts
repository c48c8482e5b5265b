/**
 * The Python version a repository says it runs on, so that its workflows run the same one rather
 * than ml-cicd's default: `.python-version` (pyenv, uv), else the `python` of a conda
 * environment.yml.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pythonVersions, type RawAnswers } from '@ml-cicd/core';
import { condaEnvironmentFile, condaPython } from './conda.js';

/** `3.11` of `3.11`, `3.11.7` or `cpython-3.11.7`; a line that names no version gives none. */
const minor = (text: string | undefined) =>
  /^(?:cpython-)?(\d+\.\d+)(?:\.|$)/.exec(text ?? '')?.[1];

function declared(dir: string): { version: string; file: string } | undefined {
  const pinFile = join(dir, '.python-version');
  if (existsSync(pinFile)) {
    const line = readFileSync(pinFile, 'utf8')
      .split(/\r?\n/)
      .map((text) => text.trim())
      .find((text) => text !== '' && !text.startsWith('#'));
    const version = minor(line);
    if (version) return { version, file: '.python-version' };
  }
  const environment = condaEnvironmentFile(dir);
  if (environment) {
    const text = readFileSync(join(dir, environment), 'utf8');
    try {
      const version = condaPython(text, environment);
      if (version) return { version, file: environment };
    } catch {
      // Not YAML, so it names no version; --lock says what is wrong with it.
    }
  }
  return undefined;
}

/** The `python` answer the repository's own files give, and a note saying where it came from. */
export function teamPythonAnswers(dir: string): { answers: RawAnswers; note?: string } {
  const found = declared(dir);
  if (!found) return { answers: {} };
  const { version, file } = found;
  if ((pythonVersions as readonly string[]).includes(version)) {
    return {
      answers: { python: version },
      note: `the workflows run Python ${version}, as ${file} says.`,
    };
  }
  return {
    answers: {},
    note: `${file} says Python ${version}, which the workflows do not offer (${pythonVersions.join(', ')}): they run ml-cicd.yaml's python, the default; move the project to one of these, or the workflows may not install what it locks.`,
  };
}
