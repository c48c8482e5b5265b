import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { teamPythonAnswers } from './team-python.js';

function repository(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'team-python-'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

describe("the Python version a repository's own files give", () => {
  it.each([
    [{ '.python-version': '3.11.7\n' }, '3.11', '.python-version'],
    [{ '.python-version': '# pyenv\n3.13\n' }, '3.13', '.python-version'],
    [
      { 'environment.yml': 'dependencies:\n  - python=3.10\n  - numpy\n' },
      '3.10',
      'environment.yml',
    ],
    [{ 'environment.yaml': 'dependencies:\n  - "python==3.12.4"\n' }, '3.12', 'environment.yaml'],
    [
      { 'environment.yml': 'dependencies: [conda-forge::python=3.11]\n' },
      '3.11',
      'environment.yml',
    ],
    [
      { '.python-version': '3.11\n', 'environment.yml': 'dependencies:\n  - python=3.10\n' },
      '3.11',
      '.python-version',
    ],
  ])('%o: Python %s, from %s', (files, version, file) => {
    expect(teamPythonAnswers(repository(files))).toEqual({
      answers: { python: version },
      note: `the workflows run Python ${version}, as ${file} says.`,
    });
  });

  it('is none when no file names one version', () => {
    expect(teamPythonAnswers(repository({}))).toEqual({ answers: {} });
    expect(teamPythonAnswers(repository({ '.python-version': 'system\n' }))).toEqual({
      answers: {},
    });
    const range = { 'environment.yml': 'dependencies:\n  - python>=3.10\n' };
    expect(teamPythonAnswers(repository(range))).toEqual({ answers: {} });
  });

  it('says so when the version is one the workflows do not offer, and keeps the default', () => {
    const { answers, note } = teamPythonAnswers(repository({ '.python-version': '3.9.18\n' }));
    expect(answers).toEqual({});
    expect(note).toBe(
      ".python-version says Python 3.9, which the workflows do not offer (3.10, 3.11, 3.12, 3.13): they run ml-cicd.yaml's python, the default; move the project to one of these, or the workflows may not install what it locks.",
    );
  });
});
