import { describe, expect, it } from 'vitest';
import { breakExample, exampleYaml, printed, subjectOf } from '../../test/example.js';
import { loadConfig } from '../validate.js';
import { paramDefaultInChoices } from './param-default-in-choices.js';

describe('param-default-in-choices', () => {
  it('passes the example', () => {
    expect(paramDefaultInChoices.check(subjectOf(exampleYaml))).toEqual([]);
  });

  it('reports a default that is not among the choices, at the default', () => {
    const { findings } = loadConfig(breakExample('default: gini', 'default: foo'));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['param-default-in-choices', 'error'],
    ]);
    expect(printed(breakExample('default: gini', 'default: foo'))).toEqual([
      'ml-cicd.yaml:9:38: params.criterion.default "foo" is not one of its choices (gini, entropy, log_loss).',
    ]);
  });

  it('compares exactly: case matters', () => {
    expect(printed(breakExample('default: gini', 'default: Gini'))).toEqual([
      'ml-cicd.yaml:9:38: params.criterion.default "Gini" is not one of its choices (gini, entropy, log_loss).',
    ]);
  });

  it('is turned off by rules: {param-default-in-choices: off}', () => {
    const text = `${breakExample('default: gini', 'default: foo')}rules: {param-default-in-choices: off}\n`;
    expect(printed(text)).toEqual([]);
  });
});
