import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanPathError } from './errors.js';
import { toFsPath, validatePlan } from './paths.js';
import { plan } from './test-support.js';

describe('validatePlan', () => {
  it('accepts relative posix paths, dotfiles and spaces', () => {
    expect(() =>
      validatePlan(
        plan({ 'README.md': '', '.github/workflows/ci.yml': '', 'src/my pkg/__init__.py': '' }),
      ),
    ).not.toThrow();
  });

  it.each([
    ['', 'empty'],
    ['/etc/passwd', 'absolute'],
    ['../outside.txt', '".." segment'],
    ['src/../../outside.txt', '".." segment'],
    ['a/..', '".." segment'],
    ['./a', '"." segment'],
    ['a//b', 'empty segment'],
    ['a/', 'empty segment'],
    ['a\\b', 'backslash'],
    ['..\\outside', 'backslash'],
    ['C:/Windows/x', '":"'],
    ['C:x', '":"'],
    ['file.txt:stream', '":"'],
    ['a\0b', 'NUL'],
  ])('rejects %j (%s), naming the path', (bad, reason) => {
    const attempt = () => validatePlan(plan({ 'ok.txt': '', [bad]: '' }));
    expect(attempt).toThrow(PlanPathError);
    expect(attempt).toThrow(reason);
    expect(attempt).toThrow(JSON.stringify(bad));
  });

  it('rejects a path that is both a file and a folder', () => {
    expect(() => validatePlan(plan({ a: '', 'a/b/c': '' }))).toThrow('"a" is also a file');
  });

  it('rejects an executable path that is not in the plan', () => {
    expect(() => validatePlan(plan({ 'a.sh': '' }), new Set(['b.sh']))).toThrow(PlanPathError);
  });
});

describe('toFsPath', () => {
  it('joins with Windows separators under a drive letter and spaces', () => {
    expect(
      toFsPath('C:\\Users\\Ada Lovelace\\my project', '.github/workflows/ci.yml', path.win32),
    ).toBe('C:\\Users\\Ada Lovelace\\my project\\.github\\workflows\\ci.yml');
  });

  it('joins with posix separators, including "." as the root', () => {
    expect(toFsPath('/tmp/my project', 'src/a.py', path.posix)).toBe('/tmp/my project/src/a.py');
    expect(toFsPath('.', 'src/a.py', path.posix)).toBe('src/a.py');
  });
});
