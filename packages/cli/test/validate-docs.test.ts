/**
 * docs/guide/validate.md lists every rule of ml-cicd validate with the doc, severity and SECURITY.md
 * IDs its code declares, between two markers. WRITE_DOCS=1 rewrites that part from the rules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { rules as configRules } from '@ml-cicd/config';
import { describe, expect, it } from 'vitest';
import { everyRule } from '../src/rules/index.js';

const guide = new URL('../../../docs/guide/validate.md', import.meta.url);
const start =
  '<!-- rules: generated from the rules by WRITE_DOCS=1 vitest run test/validate-docs.test.ts -->';
const end = '<!-- rules end -->';

function where(rule: (typeof everyRule)[number]): string {
  if (configRules.some((own) => own === rule)) return 'ml-cicd.yaml';
  return rule.ownFilesOnly ? 'the files ml-cicd wrote' : 'the repository';
}

function section(): string {
  return everyRule
    .map((rule) => {
      const { id, severity, security, doc } = rule;
      const ids = security.length > 0 ? `, ${security.join(' ')}` : '';
      return `### \`${id}\`\n\n_${severity}${ids}; on ${where(rule)}_\n\n${doc}\n`;
    })
    .join('\n');
}

describe('docs/guide/validate.md', () => {
  it('documents every rule as its code does', () => {
    const text = readFileSync(guide, 'utf8');
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    expect(from, `${start} is missing`).toBeGreaterThan(-1);
    const expected = `${start}\n\n${section()}\n${end}`;
    const current = text.slice(from, to + end.length);
    if (process.env.WRITE_DOCS && current !== expected) {
      writeFileSync(guide, text.replace(current, expected));
      return;
    }
    expect(current).toBe(expected);
  });
});
