import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const action = parse(read('action.yml')) as {
  inputs: Record<string, { description: string; required: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};
const names = (source: string, call: RegExp) => [...source.matchAll(call)].map((m) => m[1]).sort();

describe('action.yml', () => {
  it('declares exactly the inputs the action reads, each described', () => {
    const reads = names(read('src/inputs.ts'), /get(?:Multiline)?Input\('([^']+)'/g);
    expect(Object.keys(action.inputs).sort()).toEqual(reads);
    for (const input of Object.values(action.inputs)) expect(input.description).not.toBe('');
  });

  it('declares exactly the outputs the action sets, each described', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      names(read('src/main.ts'), /setOutput\('([^']+)'/g),
    );
  });

  it('runs the committed bundle on the Node that GitHub runs actions with', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync(new URL('../dist/index.js', import.meta.url))).toBe(true);
  });

  it('takes the token and API URL from the run by default', () => {
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
    expect(action.inputs['api-url']?.default).toBe('${{ github.api_url }}');
    expect(action.inputs['comment-mode']?.default).toBe('sticky');
  });
});
