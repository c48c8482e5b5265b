import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trackerKinds, withGeneratedTables } from '../src/docs.js';

describe('docs/guide/options.md', () => {
  it('has the flag and feature tables of the current registry (pnpm docs:tables rewrites them)', () => {
    const text = readFileSync(new URL('../../../docs/guide/options.md', import.meta.url), 'utf8');
    expect(text).toContain('<!-- generated:options -->');
    expect(text).toContain('<!-- generated:features -->');
    expect(withGeneratedTables(text)).toBe(text);
  });
});

describe('docs/guide/getting-started.md', () => {
  it('has the defaults of each task (pnpm docs:tables rewrites them)', () => {
    const text = readFileSync(
      new URL('../../../docs/guide/getting-started.md', import.meta.url),
      'utf8',
    );
    expect(text).toContain('<!-- generated:tasks -->');
    expect(text).toContain('| `regression` | `load_diabetes` | `RandomForestRegressor` |');
    expect(withGeneratedTables(text)).toBe(text);
  });
});

describe('docs/guide/config.md', () => {
  it('has the keys of the current schema of ml-cicd.yaml (pnpm docs:tables rewrites them)', () => {
    const text = readFileSync(new URL('../../../docs/guide/config.md', import.meta.url), 'utf8');
    expect(text).toContain('<!-- generated:config -->');
    expect(text).toContain('| `secrets-scope` | no |');
    expect(withGeneratedTables(text)).toBe(text);
  });
});

describe('the tracker kinds of config schema', () => {
  it('are the tracker option values of the registry (pnpm docs:tables rewrites them)', () => {
    const file = new URL('../../config/src/schema/tracker-kinds.json', import.meta.url);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ kinds: trackerKinds() });
    expect(trackerKinds().map(({ value }) => value)).toEqual([
      'none',
      'mlflow',
      'wandb',
      'comet',
      'neptune',
    ]);
  });
});
