import { triggers } from '../validate/workflow.js';
import { entries, get, getMap, text } from '../validate/yaml-nodes.js';
import { problemAt, type Rule } from './rule.js';

const allowed = new Set(['string', 'number', 'boolean']);

/** workflow-call-input-types: a reusable workflow's inputs are string, number or boolean. */
export const workflowCallInputTypes: Rule = {
  id: 'workflow-call-input-types',
  severity: 'error',
  security: ['W11'],
  doc: 'The inputs of `on: workflow_call` have the type `string`, `number` or `boolean`: GitHub rejects `choice` and `environment` there (they exist only for `workflow_dispatch`), and the workflow fails to start.',
  check: (project) =>
    project.workflows.flatMap((workflow) => {
      if (!triggers(workflow).some((trigger) => trigger.name === 'workflow_call')) return [];
      const inputs = get(getMap(getMap(workflow.root, 'on'), 'workflow_call'), 'inputs');
      return entries(inputs).flatMap(({ key, value }) => {
        const type = get(value, 'type');
        const name = text(type);
        if (name === undefined || allowed.has(name)) return [];
        return [
          problemAt(
            workflow,
            type,
            `workflow_call input "${key}" has type ${name}, but a reusable workflow's inputs can only be string, number or boolean; use string and check the value in the job.`,
          ),
        ];
      });
    }),
};
