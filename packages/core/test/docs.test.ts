import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withGeneratedTables } from '../src/docs.js';

describe('docs/guide/options.md', () => {
  it('has the flag and feature tables of the current registry (pnpm docs:tables rewrites them)', () => {
    const text = readFileSync(new URL('../../../docs/guide/options.md', import.meta.url), 'utf8');
    expect(text).toContain('<!-- generated:options -->');
    expect(text).toContain('<!-- generated:features -->');
    expect(withGeneratedTables(text)).toBe(text);
  });
});
