import { isMap } from 'yaml';
import { isReusableOnly, type WorkflowFile } from '../validate/workflow.js';
import { entry } from '../validate/yaml-nodes.js';
import { problemAt, type Problem, type Rule } from './rule.js';

function check(workflow: WorkflowFile): Problem[] {
  const concurrency = entry(workflow.root, 'concurrency');
  if (isReusableOnly(workflow)) {
    if (!concurrency) return [];
    return [
      problemAt(
        workflow,
        concurrency.keyNode,
        'a reusable workflow must not set concurrency: its callers do, and a group here can cancel or queue their runs; remove it.',
      ),
    ];
  }
  if (!concurrency) {
    return [
      problemAt(
        workflow,
        workflow.root,
        `${workflow.path} has no concurrency:, so runs of the same ref pile up; add one (group: \${{ github.workflow }}-\${{ github.ref }}) with cancel-in-progress.`,
      ),
    ];
  }
  if (isMap(concurrency.value) && entry(concurrency.value, 'cancel-in-progress')) return [];
  return [
    problemAt(
      workflow,
      concurrency.value ?? concurrency.keyNode,
      'concurrency: has no cancel-in-progress; say what happens to a run in progress (true for pull requests, an explicit false for training).',
    ),
  ];
}

/** concurrency (W16): calling workflows set concurrency with an explicit cancel-in-progress. */
export const concurrency: Rule = {
  id: 'concurrency',
  severity: 'warning',
  security: ['W16'],
  ownFilesOnly: true,
  doc: 'Every workflow that is not reusable-only sets `concurrency:` with an explicit `cancel-in-progress` (true for pull requests; false for training, so a second run never kills a long one). A reusable-only workflow (`on: workflow_call`) must not set it: its callers do.',
  check: (project) =>
    project.workflows.filter((workflow) => workflow.kind === 'workflow').flatMap(check),
};
