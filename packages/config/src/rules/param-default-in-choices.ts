import { showName, subject } from '../path.js';
import { problemAtPath } from '../rule.js';
import type { ConfigRule } from './subject.js';

/** param-default-in-choices: a choice param's default is one of its choices. */
export const paramDefaultInChoices: ConfigRule = {
  id: 'param-default-in-choices',
  severity: 'error',
  security: [],
  doc: "A `choice` param's `default` must be one of its `choices`: the workflow_dispatch input and the train.py flag both reject any other value, so a run with the defaults would fail.",
  check({ config, file }) {
    return Object.entries(config.params).flatMap(([name, param]) => {
      const choices = param.choices ?? [];
      if (param.type !== 'choice' || choices.includes(String(param.default))) return [];
      const path = ['params', name, 'default'];
      const message = `${subject(path, param.default)} is not one of its choices (${choices.map(showName).join(', ')}).`;
      return [problemAtPath(file, path, message)];
    });
  },
};
