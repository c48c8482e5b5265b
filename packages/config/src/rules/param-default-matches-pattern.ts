import { showValue, subject } from '../path.js';
import type { Rule } from './rule.js';

/** param-default-matches-pattern: a string param's pattern compiles and its default matches it. */
export const paramDefaultMatchesPattern: Rule = {
  id: 'param-default-matches-pattern',
  severity: 'error',
  doc: "A `string` param's `pattern` must be a valid regular expression, and its `default` must match it (anywhere in the value, as in JSON Schema: anchor the pattern with ^ and $ to match the whole value).",
  check(config) {
    return Object.entries(config.params).flatMap(([name, param]) => {
      if (param.type !== 'string' || param.pattern === undefined) return [];
      const patternPath = ['params', name, 'pattern'];
      let regex: RegExp;
      try {
        regex = new RegExp(param.pattern, 'u');
      } catch {
        const message = `${subject(patternPath, param.pattern)} is not a valid regular expression.`;
        return [{ path: patternPath, message }];
      }
      if (regex.test(String(param.default))) return [];
      const path = ['params', name, 'default'];
      return [
        {
          path,
          message: `${subject(path, param.default)} does not match its pattern ${showValue(param.pattern)}.`,
        },
      ];
    });
  },
};
