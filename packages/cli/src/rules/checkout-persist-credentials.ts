import { steps, usesOf } from '../validate/workflow.js';
import { get, getMap } from '../validate/yaml-nodes.js';
import { problemAt, type Rule } from './rule.js';

/** checkout-persist-credentials (W05): `actions/checkout` says what happens to the token. */
export const checkoutPersistCredentials: Rule = {
  id: 'checkout-persist-credentials',
  severity: 'error',
  security: ['W05'],
  doc: 'Every `actions/checkout` step sets `persist-credentials: false`, or `true` explicitly when the job pushes with git. By default checkout leaves the token in `.git/config`, where every later step, and any artifact of the workspace, can read it.',
  check: (project) =>
    project.workflows.flatMap((workflow) =>
      steps(workflow).flatMap((step) => {
        const uses = usesOf(step.node);
        if (uses?.target.toLowerCase() !== 'actions/checkout') return [];
        if (get(getMap(step.node, 'with'), 'persist-credentials') !== undefined) return [];
        return [
          problemAt(
            workflow,
            uses.node,
            'actions/checkout leaves the token in .git/config for every later step; add "persist-credentials: false" under its with: (or true, explicitly, when the job pushes).',
          ),
        ];
      }),
    ),
};
