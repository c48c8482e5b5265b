/**
 * Random and truncated YAML for a workflow and for ml-cicd.yaml: validate returns findings with
 * sane positions and never throws. Seeded, so a failure replays the same way.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';
import { validateProject } from '../src/validate/validate-project.js';
import { project, read, write } from './fixtures.js';

/** mulberry32: a tiny seeded generator. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tokens = [
  ...': -{}[],"\'&*!#|>?%@`\t\n ',
  '&a ',
  '*a',
  '!!str ',
  '!!binary ',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '<<: *a',
  'null',
  '~',
  '1e400',
  '0x1F',
  '.nan',
  'yes',
  '"\\u00',
  '? ',
  '- - ',
  '  ',
  'x: ',
  '${{ ',
  '}}',
  'on:\n',
  'jobs:\n',
  '  steps:\n',
  'uses: a/b@v1\n',
  'run: |\n',
  'secrets.X',
  'permissions: write-all\n',
  '<<<<<<< ours\n',
  'self-hosted',
  'workflow_call:\n',
];

function mutate(text: string, next: () => number): string {
  let result = text;
  for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
    const at = Math.floor(next() * (result.length + 1));
    const token = tokens[Math.floor(next() * tokens.length)] ?? '';
    const cut = next() < 0.5 ? Math.floor(next() * 8) : 0;
    result = result.slice(0, at) + token + result.slice(at + cut);
  }
  return result;
}

function noise(next: () => number): string {
  return Array.from(
    { length: Math.floor(next() * 60) },
    () => tokens[Math.floor(next() * tokens.length)],
  ).join('');
}

// Python is not what is fuzzed here; leaving it out keeps each case at a few milliseconds.
const fast = rules.filter((rule) => rule.id !== 'params-match-script-flags');

async function expectOnlyFindings(dir: string, path: string, text: string): Promise<void> {
  write(dir, path, text);
  const label = `${path}: ${JSON.stringify(text)}`;
  const report = await validateProject(dir, { rules: fast }).catch((error: unknown) => {
    throw new Error(`${label}\nthrew ${String(error)}`);
  });
  for (const finding of report.findings.filter((f) => f.file === path)) {
    expect(finding.line, label).toBeGreaterThanOrEqual(1);
    expect(finding.line, label).toBeLessThanOrEqual(text.split('\n').length);
    expect(finding.column, label).toBeGreaterThanOrEqual(1);
    expect(finding.message, label).toMatch(/^\S[\s\S]*[.?]$/);
  }
}

describe.each(['.github/workflows/train.yml', 'ml-cicd.yaml'])('validate on broken %s', (path) => {
  it('returns findings, never throws, for truncations', async () => {
    const dir = await project();
    const original = read(dir, path);
    const step = Math.ceil(original.length / 60);
    for (let end = 0; end <= original.length; end += step) {
      await expectOnlyFindings(dir, path, original.slice(0, end));
    }
  });

  it('returns findings, never throws, for random edits and noise', async () => {
    const dir = await project();
    const original = read(dir, path);
    const next = random(path.length * 7919);
    for (let i = 0; i < 120; i++) await expectOnlyFindings(dir, path, mutate(original, next));
    for (let i = 0; i < 60; i++) await expectOnlyFindings(dir, path, noise(next));
  });
});
