import { describe, expect, it } from 'vitest';
import { breakExample, exampleYaml, printed, subjectOf } from '../../test/example.js';
import { paramDefaultInRange } from './param-default-in-range.js';

const seed = 'seed: {type: integer, default: 42, min: 0, max: 4294967295,';

describe('param-default-in-range', () => {
  it('passes the example, whose defaults sit inside their ranges', () => {
    expect(paramDefaultInRange.check(subjectOf(exampleYaml))).toEqual([]);
  });

  it('reports a default outside min..max, at the default', () => {
    expect(printed(breakExample('default: 100', 'default: 0'))).toEqual([
      'ml-cicd.yaml:7:42: params.n-estimators.default 0 is outside its range 1 to 1000.',
    ]);
    expect(printed(breakExample('default: 0.25', 'default: 0.75'))).toEqual([
      'ml-cicd.yaml:10:38: params.test-size.default 0.75 is outside its range 0.05 to 0.5.',
    ]);
  });

  it('names the one bound when only one is set', () => {
    expect(printed(breakExample(seed, 'seed: {type: integer, default: -1, min: 0,'))).toEqual([
      'ml-cicd.yaml:11:34: params.seed.default -1 is below its min 0.',
    ]);
    expect(printed(breakExample(seed, 'seed: {type: number, default: 2.5, max: 1,'))).toEqual([
      'ml-cicd.yaml:11:33: params.seed.default 2.5 is above its max 1.',
    ]);
  });

  it('reports an empty range, at its min', () => {
    expect(printed(breakExample('min: 1, max: 64', 'min: 65, max: 64'))).toEqual([
      'ml-cicd.yaml:8:47: params.max-depth.min 65 is greater than its max 64.',
    ]);
  });

  it('accepts a default on a bound', () => {
    expect(printed(breakExample('default: 100', 'default: 1000'))).toEqual([]);
  });

  it('is turned off by rules: {param-default-in-range: off}', () => {
    const text = `${breakExample('default: 100', 'default: 0')}rules: {param-default-in-range: off}\n`;
    expect(printed(text)).toEqual([]);
  });
});
