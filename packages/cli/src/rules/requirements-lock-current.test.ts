import { describe, expect, it } from 'vitest';
import { lockCommand } from '@ml-cicd/core';
import { at, edit, printed, project, read, turnOff, write } from '../../test/fixtures.js';

const rule = 'error [requirements-lock-current]';
const relock = (input: string) =>
  `re-lock it offline from nothing but the .in files: ${lockCommand(input, input.replace(/\.in$/, '.txt'))}`;

describe('requirements-lock-current', () => {
  it('passes a fresh project', async () => {
    expect(await printed(await project())).toEqual([]);
  });

  it('reports a requirement added to requirements.in without re-locking, for each lock it reaches', async () => {
    const dir = await project();
    edit(dir, 'requirements.in', 'joblib==1.6.0\n', 'joblib==1.6.0\npandas>=2\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, 'requirements.in', 'pandas')}: ${rule} pandas is in requirements.in, but requirements-dev.txt does not pin it: the lock is older than requirements-dev.in; ${relock('requirements-dev.in')}.`,
      `${at(dir, 'requirements.in', 'pandas')}: ${rule} pandas is in requirements.in, but requirements.txt does not pin it: the lock is older than requirements.in; ${relock('requirements.in')}.`,
    ]);
  });

  it('reports a pin the specifier no longer allows', async () => {
    const dir = await project();
    edit(dir, 'requirements-dev.in', 'pytest==9.2.0\n', 'pytest>=9.3,<10\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, 'requirements-dev.in', 'pytest')}: ${rule} requirements-dev.txt pins pytest==9.2.0, which "pytest>=9.3,<10" in requirements-dev.in does not allow: the lock is older than requirements-dev.in; ${relock('requirements-dev.in')}.`,
    ]);
  });

  it('reports a pin that only a removed requirement of the .in pulled in, at the pin', async () => {
    const dir = await project();
    edit(dir, 'requirements-dev.in', 'pytest==9.2.0\n', '');
    expect(await printed(dir)).toEqual([
      `${at(dir, 'requirements-dev.txt', 'pytest==')}: ${rule} requirements-dev.txt pins pytest because requirements-dev.in named it, but no requirement of requirements-dev.in does now: the lock is older than requirements-dev.in; ${relock('requirements-dev.in')}.`,
    ]);
  });

  it('accepts specifiers the pin meets, normalized names, markers, constraints and includes', async () => {
    const dir = await project();
    edit(
      dir,
      'requirements-dev.in',
      'pytest==9.2.0\n',
      [
        'PyTest ~= 9.2',
        'ruff>=0.17.6,!=0.17.5,<1 ; python_version >= "3.10"',
        'pywin32==311 ; sys_platform == "win32"',
        '-c constraints.txt',
        '-r extra.in',
        '',
      ].join('\n'),
    );
    write(dir, 'constraints.txt', 'pytest<10\nnever-installed==1.0\n');
    write(dir, 'extra.in', 'pre_commit==4.*\n');
    expect(await printed(dir)).toEqual([]);
  });

  it('reads a -c constraint as a bound on the pin', async () => {
    const dir = await project();
    edit(dir, 'requirements-dev.in', 'pytest==9.2.0\n', 'pytest\n-c constraints.txt\n');
    write(dir, 'constraints.txt', 'pytest<9\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, 'constraints.txt', 'pytest')}: ${rule} requirements-dev.txt pins pytest==9.2.0, which "pytest<9" in constraints.txt does not allow: the lock is older than requirements-dev.in; ${relock('requirements-dev.in')}.`,
    ]);
  });

  it('leaves a .in without a lock to requirements-exist, and can be turned off', async () => {
    const dir = await project();
    write(dir, 'requirements-gpu.in', 'torch>=2\n');
    expect(await printed(dir)).toEqual([]);
    edit(dir, 'requirements.in', 'joblib==1.6.0\n', 'joblib==1.5.0\n');
    turnOff(dir, 'requirements-lock-current');
    expect(await printed(dir)).toEqual([]);
    expect(read(dir, 'requirements.in')).toContain('joblib==1.5.0');
  });
});
