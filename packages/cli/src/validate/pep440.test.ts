import { describe, expect, it } from 'vitest';
import { satisfies } from './pep440.js';

describe('satisfies', () => {
  it.each([
    ['1.6.0', '==1.6', true],
    ['1.6.1', '==1.6', false],
    ['1.6.1', '==1.6.*', true],
    ['1.7.0', '!=1.6.*', true],
    ['2.0.0', '>=1.6,<2', false],
    // An exclusive comparison leaves out the pre- and post-releases of the version it names.
    ['2.0.0rc1', '<2', false],
    ['1.9.0rc1', '<2', true],
    ['2.0.0.post1', '>2.0.0', false],
    ['2.0.1', '>2.0.0', true],
    ['9.2.0', '~=9.2', true],
    ['10.0.0', '~=9.2', false],
    ['9.2.5', '~=9.2.1', true],
    ['9.3.0', '~=9.2.1', false],
    ['1!0.1', '>=5', true],
    ['2.1.0+cpu', '==2.1.0', true],
    ['1.0', '===1.0', true],
    ['1.0.0', '(>=1.0)', true],
  ])('%s against %s', (version, specifier, expected) => {
    expect(satisfies(version, specifier)).toBe(expected);
  });

  it('cannot read what is not PEP 440', () => {
    expect(satisfies('latest', '>=1')).toBeUndefined();
    expect(satisfies('1.0', 'about 1')).toBeUndefined();
  });
});
