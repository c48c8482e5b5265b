import { showValue, subject } from '../path.js';
import { problemAtPath } from '../rule.js';
import type { ConfigRule } from './subject.js';

/** param-default-matches-pattern: a string param's pattern compiles and its default matches it. */
export const paramDefaultMatchesPattern: ConfigRule = {
  id: 'param-default-matches-pattern',
  severity: 'error',
  security: [],
  doc: "A `string` param's `pattern` must be a valid regular expression, and its `default` must match it (anywhere in the value, as in JSON Schema: anchor the pattern with ^ and $ to match the whole value).",
  check({ config, file }) {
    return Object.entries(config.params).flatMap(([name, param]) => {
      if (param.type !== 'string' || param.pattern === undefined) return [];
      const patternPath = ['params', name, 'pattern'];
      let regex: RegExp;
      try {
        regex = new RegExp(param.pattern, 'u');
      } catch {
        const message = `${subject(patternPath, param.pattern)} is not a valid regular expression.`;
        return [problemAtPath(file, patternPath, message)];
      }
      if (regex.test(String(param.default))) return [];
      const path = ['params', name, 'default'];
      const message = `${subject(path, param.default)} does not match its pattern ${showValue(param.pattern)}.`;
      return [problemAtPath(file, path, message)];
    });
  },
};
