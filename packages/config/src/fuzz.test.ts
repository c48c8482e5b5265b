import { describe, expect, it } from 'vitest';
import { exampleYaml } from '../test/example.js';
import { loadConfig } from './validate.js';

/** mulberry32: a tiny seeded generator, so a failure replays the same way. */
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
  "''",
  '? ',
  '- - ',
  '  ',
  'x: ',
  'version: 1\n',
];

function mutate(text: string, next: () => number): string {
  let result = text;
  const edits = 1 + Math.floor(next() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (result.length + 1));
    const token = tokens[Math.floor(next() * tokens.length)] ?? '';
    const cut = next() < 0.5 ? Math.floor(next() * 8) : 0;
    result = result.slice(0, at) + token + result.slice(at + cut);
  }
  return result;
}

function noise(next: () => number): string {
  const length = Math.floor(next() * 80);
  return Array.from({ length }, () => tokens[Math.floor(next() * tokens.length)]).join('');
}

function expectOnlyFindings(text: string): void {
  let result: ReturnType<typeof loadConfig> | undefined;
  expect(() => (result = loadConfig(text)), JSON.stringify(text)).not.toThrow();
  const { config, findings } = result!;
  const lines = text.split('\n').length;
  for (const finding of findings) {
    expect(finding.line, JSON.stringify(text)).toBeGreaterThanOrEqual(1);
    expect(finding.line, JSON.stringify(text)).toBeLessThanOrEqual(lines);
    expect(finding.column, JSON.stringify(text)).toBeGreaterThanOrEqual(1);
    expect(finding.message, JSON.stringify(text)).toMatch(/^\S.*[.?]$/);
  }
  const failed = findings.some((finding) => finding.severity === 'error');
  expect(config === undefined, JSON.stringify(text)).toBe(failed);
}

describe('loadConfig on random and broken YAML', () => {
  it('returns findings, never throws, for every truncation of the example', () => {
    for (let end = 0; end <= exampleYaml.length; end++)
      expectOnlyFindings(exampleYaml.slice(0, end));
  });

  it('returns findings, never throws, for random edits of the example', () => {
    const next = random(20251123);
    for (let i = 0; i < 500; i++) expectOnlyFindings(mutate(exampleYaml, next));
  });

  it('returns findings, never throws, for random YAML-ish noise', () => {
    const next = random(42);
    for (let i = 0; i < 1000; i++) expectOnlyFindings(noise(next));
  });
});
