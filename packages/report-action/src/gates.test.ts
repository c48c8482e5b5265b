import { describe, expect, it } from 'vitest';
import { evaluateGates, isBroken, parseGates } from './gates.ts';
import type { MetricRow } from './metrics.ts';

const rule = (text: string) => parseGates(`m: "${text}"`)[0]?.rules[0];

describe('the gate grammar', () => {
  it.each([
    ['>= 0.9', 'value', '>=', 0.9],
    ['>= -0.01', 'change', '>=', -0.01],
    ['<= +0.05', 'change', '<=', 0.05],
    ['> +0', 'change', '>', 0],
    ['<= +5%', 'percent', '<=', 5],
    ['>= -1.5 %', 'percent', '>=', -1.5],
    ['< 2%', 'percent', '<', 2],
    ['value >= -3.2', 'value', '>=', -3.2],
    ['change <= 0.1', 'change', '<=', 0.1],
    ['CHANGE >= 1e-3', 'change', '>=', 0.001],
    ['<.5', 'value', '<', 0.5],
  ])('reads %j as a %s rule', (text, kind, op, threshold) => {
    expect(rule(text)).toEqual({ kind, op, threshold, text });
  });

  it('reads YAML-style lines: quotes, comments, dotted and quoted names, several rules', () => {
    const gates = parseGates(
      [
        '# higher is better',
        'accuracy: ">= -0.01, >= 0.9"  # no drop over a point, and at least 0.9',
        '',
        "eval.loss: '<= +5%'",
        '"val: loss": <= 0.4 # unquoted rule',
      ].join('\n'),
    );
    expect(gates.map((g) => [g.metric, g.rules.map((r) => r.text)])).toEqual([
      ['accuracy', ['>= -0.01', '>= 0.9']],
      ['eval.loss', ['<= +5%']],
      ['val: loss', ['<= 0.4']],
    ]);
  });

  it('is empty for an empty input', () => {
    expect(parseGates('')).toEqual([]);
    expect(parseGates('\n  # nothing\n')).toEqual([]);
  });

  it.each([
    [
      'accuracy',
      'Input "gates", line 1: "accuracy" is not a gate; write e.g. accuracy: ">= -0.01" (change from the base) or accuracy: ">= 0.9" (value).',
    ],
    ['accuracy:', 'Input "gates", line 1: "accuracy:" is not a gate;'],
    ['\n\naccuracy: "=> 0.9"', 'Input "gates", line 3: "=> 0.9" is not a rule for accuracy;'],
    ['accuracy: ">= high"', 'Input "gates", line 1: ">= high" is not a rule for accuracy;'],
    [
      'loss: "value <= 5%"',
      'Input "gates", line 1: "value <= 5%" compares a value with a percentage for loss;',
    ],
    [
      'accuracy: ">= 0.9" trailing',
      'Input "gates", line 1: "accuracy: ">= 0.9" trailing" is not a gate;',
    ],
    ['accuracy: ">= 0.9, "', 'Input "gates", line 1: "" is not a rule for accuracy;'],
  ])('refuses %j in one sentence naming the input and line', (input, message) => {
    expect(() => parseGates(input)).toThrow(message);
  });
});

describe('evaluating gates', () => {
  const rows: MetricRow[] = [
    { name: 'accuracy', base: 0.95, head: 0.94, change: 0.94 - 0.95, changePct: -1.0526 },
    { name: 'new_metric', head: 3 },
    { name: 'zero_base', base: 0, head: 2, change: 2 },
  ];
  const statuses = (text: string) =>
    evaluateGates(parseGates(text), rows).map((g) => g.results.map((r) => r.status));

  it('does not let float rounding flip a gate: 0.94 - 0.95 meets ">= -0.01"', () => {
    expect(statuses('accuracy: ">= -0.01"')).toEqual([['pass']]);
    expect(statuses('accuracy: "> -0.01"')).toEqual([['fail']]);
  });

  it('checks values, changes and percentages', () => {
    expect(statuses('accuracy: ">= 0.95, >= -0.02, >= -1%, >= -2%"')).toEqual([
      ['fail', 'pass', 'fail', 'pass'],
    ]);
  });

  it('waits for a baseline on changes but still checks values', () => {
    expect(statuses('new_metric: ">= +0, <= 3"')).toEqual([['no-baseline', 'pass']]);
  });

  it('treats any move from a zero base as infinitely large in percent', () => {
    expect(statuses('zero_base: "<= +50%"\nzero_base: ">= +50%"')).toEqual([['fail'], ['pass']]);
  });

  it('knows a broken gate and carries the actual value', () => {
    const [gate] = evaluateGates(parseGates('accuracy: ">= 0.95"'), rows);
    expect(gate && isBroken(gate)).toBe(true);
    expect(gate?.results[0]?.actual).toBe(0.94);
  });

  it('refuses a gate on a metric that no file has, naming it', () => {
    expect(() => statuses('acuracy: ">= 0.9"')).toThrow(
      'Input "gates" names acuracy, which no metrics file has (it has accuracy, new_metric, zero_base).',
    );
  });
});
