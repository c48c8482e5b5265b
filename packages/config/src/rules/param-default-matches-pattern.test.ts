import { describe, expect, it } from 'vitest';
import { breakExample, exampleYaml, printed, subjectOf } from '../../test/example.js';
import { paramDefaultMatchesPattern } from './param-default-matches-pattern.js';

const seed =
  'seed: {type: integer, default: 42, min: 0, max: 4294967295, description: Seed for every random source.}';
const withPattern = (pattern: string, value: string) =>
  breakExample(
    seed,
    `run-name: {type: string, default: ${value}, pattern: '${pattern}', description: Name of the run.}`,
  );

describe('param-default-matches-pattern', () => {
  it('passes the example and a default that matches', () => {
    expect(paramDefaultMatchesPattern.check(subjectOf(exampleYaml))).toEqual([]);
    expect(printed(withPattern('^[a-z-]+$', 'nightly'))).toEqual([]);
  });

  it('reports a default that does not match, at the default', () => {
    expect(printed(withPattern('^[a-z-]+$', 'Nightly'))).toEqual([
      'ml-cicd.yaml:11:37: params.run-name.default "Nightly" does not match its pattern "^[a-z-]+$".',
    ]);
  });

  it('reports a pattern that is not a regular expression, at the pattern', () => {
    expect(printed(withPattern('([a-z]', 'nightly'))).toEqual([
      'ml-cicd.yaml:11:55: params.run-name.pattern "([a-z]" is not a valid regular expression.',
    ]);
  });

  it('is turned off by rules: {param-default-matches-pattern: off}', () => {
    const text = `${withPattern('^[a-z-]+$', 'Nightly')}rules: {param-default-matches-pattern: off}\n`;
    expect(printed(text)).toEqual([]);
  });
});
