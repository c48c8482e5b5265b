import { describe, expect, it } from 'vitest';
import { exitCodeOf, messageOf } from './errors.js';

const systemError = (code: string) =>
  Object.assign(new Error(`${code}: Zugriff verweigert`), { code, syscall: 'open', path: '/r/x' });

describe('the top-level handler of create-ml-cicd', () => {
  it('shows a permission or disk failure as the user situation it is, with exit code 1', () => {
    const message = messageOf(systemError('EACCES'), '1.2.3');
    expect(message).toMatch(/^Could not use \/r\/x: permission denied \(EACCES\); /);
    expect(message).not.toContain('bug');
    expect(exitCodeOf(systemError('EACCES'))).toBe(1);
  });

  it('still calls any other error a bug', () => {
    expect(messageOf(systemError('EINVAL'), '1.2.3')).toContain(
      'This is a bug in create-ml-cicd 1.2.3',
    );
  });
});
