import { extraArgsInput } from '../schema.js';
import { problemAtPath } from '../rule.js';
import type { ConfigRule } from './subject.js';

/** param-names-distinct: each param is its own workflow_dispatch input of train.yml. */
export const paramNamesDistinct: ConfigRule = {
  id: 'param-names-distinct',
  severity: 'error',
  security: [],
  doc: "Each param is a workflow_dispatch input of train.yml, and GitHub reads input names without regard to case: two params whose names differ only in case (`batchSize` and `batchsize`) would be one input, which GitHub refuses, and `extra-args` is train.yml's own input for more arguments.",
  check({ config, file }) {
    const seen = new Map<string, string>();
    return Object.keys(config.params).flatMap((name) => {
      const path = ['params', name];
      const folded = name.toLowerCase();
      if (folded === extraArgsInput) {
        return [
          problemAtPath(
            file,
            path,
            `params.${name} has the name of train.yml's ${extraArgsInput} input; rename the param, or pass the flag in the ${extraArgsInput} input.`,
          ),
        ];
      }
      const same = seen.get(folded);
      seen.set(folded, same ?? name);
      if (same === undefined) return [];
      return [
        problemAtPath(
          file,
          path,
          `params.${name} and params.${same} differ only in case, which GitHub reads as one input; keep one of them.`,
        ),
      ];
    });
  },
};
