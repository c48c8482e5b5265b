import { describe, expect, it } from 'vitest';
import { fileSystemSituation } from './errors.js';

/** A failed file operation as Node raises it; the message is the system's, in any language. */
const systemError = (code: string, fields: Record<string, string>) =>
  Object.assign(new Error(`${code}: Zugriff verweigert`), { errno: -13, ...fields, code });

describe('fileSystemSituation', () => {
  it.each([
    ['EACCES', 'permission denied'],
    ['EPERM', 'operation not permitted'],
    ['EROFS', 'the file system is read-only'],
    ['ENOSPC', 'no space left on the device'],
    ['EDQUOT', 'the disk quota is exceeded'],
  ])('names %s as the user situation it is, with the path, by its code', (code, what) => {
    const error = systemError(code, { syscall: 'open', path: '/work/repo/.github/ci.yml' });
    expect(fileSystemSituation(error)).toMatch(
      new RegExp(`^Could not use /work/repo/\\.github/ci\\.yml: ${what} \\(${code}\\); `),
    );
  });

  it('names the destination of a failed rename, not the temporary file', () => {
    const error = systemError('ENOSPC', {
      syscall: 'rename',
      path: '/r/.tmp-1',
      dest: '/r/a.yaml',
    });
    expect(fileSystemSituation(error)).toMatch(/^Could not use \/r\/a\.yaml: /);
  });

  it('leaves any other error to the caller', () => {
    expect(fileSystemSituation(systemError('EINVAL', { syscall: 'open' }))).toBeUndefined();
    expect(fileSystemSituation(new Error('permission denied'))).toBeUndefined();
  });
});
