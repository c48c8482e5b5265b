import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kinds } from '../../config/src/schema/kinds.generated.js';
import { schemaKinds, withGeneratedTables } from '../src/docs.js';
import { features } from '../src/features/index.js';
import { slots } from '../src/options.js';

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

describe('the kinds of config schema', () => {
  const { tracker, runner, data, replaced } = schemaKinds();

  it('are what the registry declares (pnpm docs:tables rewrites them)', () => {
    expect(kinds).toEqual(schemaKinds());
  });

  it('name the tracker option values, retired ones too', () => {
    expect(tracker.map(({ value }) => value)).toEqual([
      'none',
      'mlflow',
      'wandb',
      'comet',
      'neptune',
    ]);
  });

  it('hold a branch for each runner choice, with the keys its feature writes', () => {
    expect(runner.map(({ value, required }) => [value, required])).toEqual([
      ['hosted', []],
      ['self-hosted', []],
      ['ec2', ['region', 'instance-types', 'spot', 'disk-gb']],
      ['arc', ['scale-set', 'max-runners']],
    ]);
  });

  it('hold the dvc branch of data, with its remote', () => {
    expect(data.map(({ value, required }) => [value, required])).toEqual([['dvc', ['remote']]]);
  });

  it('come from every runner and data feature, the only features with a schema branch', () => {
    const branched = features.filter(
      ({ choice }) => choice && 'schemaBranches' in slots[choice.option],
    );
    expect(branched.map(({ choice }) => choice?.option)).toContain('data');
    expect(features.filter(({ schemaBranch }) => schemaBranch)).toEqual(branched);
  });

  it('name the runner kind a newer version replaced', () => {
    expect(replaced).toEqual({ 'runner.kind': { 'cml-aws': 'ec2' } });
  });
});
