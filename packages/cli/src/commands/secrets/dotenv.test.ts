import { describe, expect, it } from 'vitest';
import { parseDotenv } from './dotenv.js';
import { shellQuote } from '@ml-cicd/core';

describe('parseDotenv', () => {
  it('reads bare, quoted and exported values, and skips comments and blank lines', () => {
    const text = [
      '# a comment',
      '',
      'BARE=plain value  # trailing comment',
      'export EXPORTED=yes',
      "SINGLE='kept \\n as is # not a comment'",
      'DOUBLE="line\\nbreak, \\"quote\\" and \\\\"  # comment',
      'SPACED = around ',
      'HASH=#starts-with-hash',
      'EMPTY=',
      '\r',
    ].join('\r\n');
    expect(Object.fromEntries(parseDotenv(text, '.env'))).toEqual({
      BARE: 'plain value',
      EXPORTED: 'yes',
      SINGLE: 'kept \\n as is # not a comment',
      DOUBLE: 'line\nbreak, "quote" and \\',
      SPACED: 'around',
      HASH: '#starts-with-hash',
      EMPTY: '',
    });
  });

  it.each([
    ['a bare secret on its own', 'ghp_abc123', 'has no NAME= part'],
    ['a name that is not one', '1TOKEN=ghp_abc123', 'does not start with a variable name'],
    ['an unclosed quote', 'TOKEN="ghp_abc123', 'opens a quote it does not close on the same line'],
    [
      'text after the closing quote',
      'TOKEN="ghp_abc" 123',
      'has more than a comment after its closing quote',
    ],
  ])('names the line of %s, never its content', (_, line, why) => {
    const error = (() => {
      try {
        parseDotenv(`OK=1\n${line}\n`, 'prod.env');
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('parseDotenv accepted a malformed line');
    })();
    expect(error.message).toBe(
      `prod.env:2 ${why}; write it as NAME=value (the line is not shown, as it may hold a secret).`,
    );
    expect(error.message).not.toContain('abc');
  });
});

describe('shellQuote', () => {
  it('leaves safe arguments bare and single-quotes the rest', () => {
    expect(shellQuote('repos/octo/demo/environments/training')).toBe(
      'repos/octo/demo/environments/training',
    );
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`);
  });
});
