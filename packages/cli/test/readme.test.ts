import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it("lists every rule with its severity and SECURITY.md IDs, in the registry's order", () => {
    const rows = [
      ...readme.matchAll(/^\| `([a-z-]+)` +\|.*\| (error|warning|info) +\| ([A-Z0-9 ]*?) *\|$/gm),
    ].map(([, id, severity, security]) => ({
      id,
      severity,
      security: security ? security.split(' ') : [],
    }));
    expect(rows).toEqual(
      rules.map(({ id, severity, security }) => ({ id, severity, security: [...security] })),
    );
  });
});
