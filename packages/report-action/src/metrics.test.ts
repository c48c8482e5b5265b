import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareMetrics, loadBaseline, loadMetrics } from './metrics.ts';
import { loadParamsDiff } from './params.ts';
import { tempDir } from '../test/temp-dir.ts';

const dir = tempDir('metrics-');
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loading metrics', () => {
  it('flattens nested objects and merges several files', () => {
    const a = file('a.json', '{"train": {"loss": 0.2}, "eval": {"loss": 0.3}}');
    const b = file('b.json', '{"accuracy": 0.9}');
    expect([...loadMetrics([a, b]).values]).toEqual([
      ['train.loss', 0.2],
      ['eval.loss', 0.3],
      ['accuracy', 0.9],
    ]);
  });

  it.each([
    ['missing.json', undefined, 'does not exist.'],
    ['bad.json', '{"accuracy": 0.9,}', 'is not valid JSON ('],
    ['list.json', '[0.9]', 'is not a JSON object of numbers (its top level is not an object).'],
    ['empty.json', '{}', 'is not a JSON object of numbers (it has no values).'],
    [
      'text.json',
      '{"model": {"name": "rf"}, "f1": null}',
      'is not a JSON object of numbers (none of its values is a number).',
    ],
  ])('refuses %s in one sentence naming the input and the path', (name, text, message) => {
    const path = text === undefined ? join(dir, name) : file(name, text);
    expect(() => loadMetrics([path])).toThrow(`Input "metrics": ${path} ${message}`);
  });

  it('lists values that are not numbers (a name, a null, a list) apart, and compares the rest', () => {
    const path = file(
      'mixed.json',
      '{"model": {"name": "rf", "accuracy": 0.9}, "f1": null, "curve": [1, 2], "ok": true}',
    );
    const { values, notNumbers } = loadMetrics([path]);
    expect([...values]).toEqual([['model.accuracy', 0.9]]);
    expect(notNumbers).toEqual([
      'model.name (a string)',
      'f1 (null)',
      'curve (an array)',
      'ok (a boolean)',
    ]);
  });

  it('refuses a metric that two files both define', () => {
    const a = file('one.json', '{"accuracy": 0.9}');
    const b = file('two.json', '{"accuracy": 0.8}');
    expect(() => loadMetrics([a, b])).toThrow(
      `Input "metrics": "accuracy" is in both ${a} and ${b}.`,
    );
  });
});

describe('loading the baseline', () => {
  it('has no values, and no error, when no file exists yet', () => {
    expect(loadBaseline([join(dir, 'none.json')])).toEqual({ missing: [join(dir, 'none.json')] });
    expect(loadBaseline([])).toEqual({ missing: [] });
  });

  it('still refuses a baseline file that exists but is broken', () => {
    const path = file('broken-base.json', '{"accuracy": "high"}');
    expect(() => loadBaseline([path])).toThrow(
      `Input "baseline": ${path} is not a JSON object of numbers (none of its values is a number).`,
    );
  });
});

describe('comparing', () => {
  it('computes change and change %, new and lost metrics, and no percentage from a zero base', () => {
    const head = new Map([
      ['accuracy', 0.9],
      ['errors', 3],
      ['fresh', 1],
    ]);
    const base = new Map([
      ['accuracy', 0.8],
      ['errors', 0],
      ['gone', 5],
    ]);
    expect(compareMetrics(head, base)).toEqual([
      {
        name: 'accuracy',
        base: 0.8,
        head: 0.9,
        change: 0.9 - 0.8,
        changePct: ((0.9 - 0.8) / 0.8) * 100,
      },
      { name: 'errors', base: 0, head: 3, change: 3, changePct: undefined },
      { name: 'fresh', head: 1 },
      { name: 'gone', base: 5 },
    ]);
  });
});

describe('params', () => {
  it('lists changed, added and removed params, and tolerates a missing base', () => {
    const head = file('p.json', '{"lr": 0.1, "opt": {"name": "adam"}, "tag": ""}');
    const base = file('bp.json', '{"lr": 0.01, "opt": {"name": "adam"}, "old": true}');
    expect(loadParamsDiff([head], [base])?.changed).toEqual([
      { name: 'lr', base: '0.01', head: '0.1' },
      { name: 'tag', base: undefined, head: '""' },
      { name: 'old', base: 'true' },
    ]);
    expect(loadParamsDiff([head], [join(dir, 'none.json')])?.changed).toBeUndefined();
    expect(loadParamsDiff([], [])).toBeUndefined();
  });

  it('refuses a missing params file', () => {
    const path = join(dir, 'nope.json');
    expect(() => loadParamsDiff([path], [])).toThrow(`Input "params": ${path} does not exist.`);
  });
});
