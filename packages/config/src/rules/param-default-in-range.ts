import { subject } from '../path.js';
import { problemAtPath } from '../rule.js';
import type { ConfigRule } from './subject.js';

/** param-default-in-range: a numeric param's range is not empty and holds its default. */
export const paramDefaultInRange: ConfigRule = {
  id: 'param-default-in-range',
  severity: 'error',
  security: [],
  doc: "An `integer` or `number` param's `min` must not exceed its `max`, and its `default` must lie within them: train.py rejects values outside the range, so a run with the defaults would fail.",
  check({ config, file }) {
    return Object.entries(config.params).flatMap(([name, param]) => {
      if (param.type !== 'integer' && param.type !== 'number') return [];
      const { min, max } = param;
      const value = Number(param.default);
      if (min !== undefined && max !== undefined && min > max) {
        const path = ['params', name, 'min'];
        return [problemAtPath(file, path, `${subject(path, min)} is greater than its max ${max}.`)];
      }
      const below = min !== undefined && value < min;
      const above = max !== undefined && value > max;
      if (!below && !above) return [];
      const where =
        min !== undefined && max !== undefined
          ? `outside its range ${min} to ${max}`
          : below
            ? `below its min ${min}`
            : `above its max ${max}`;
      const path = ['params', name, 'default'];
      return [problemAtPath(file, path, `${subject(path, value)} is ${where}.`)];
    });
  },
};
