import { describe, expect, it } from 'vitest';
import { checkVersion, compareVersions } from './version.js';

describe('compareVersions', () => {
  it.each([
    ['0.1.0', '0.2.0', -1],
    ['0.10.0', '0.9.0', 1],
    ['1.2.3', '1.2.3', 0],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0.0-rc.2', '1.0.0-rc.10', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
    expect(Math.sign(compareVersions(b, a))).toBe(-sign || 0);
  });

  it('refuses a --to that is not a version, naming the flag', () => {
    expect(() => checkVersion('--to', 'latest')).toThrow(
      '--to must be a version such as 0.2.0 (got "latest").',
    );
  });
});
