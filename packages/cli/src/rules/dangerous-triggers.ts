import { steps, triggers, usesOf, type WorkflowFile } from '../validate/workflow.js';
import { entry, getMap, text } from '../validate/yaml-nodes.js';
import { problemAt, type Problem, type Rule } from './rule.js';

const dangerous: Record<string, string> = {
  pull_request_target:
    'on: pull_request_target runs with a write token and the secrets for pull requests from forks; use pull_request, and the step summary for results of fork pull requests.',
  workflow_run:
    'on: workflow_run runs with a write token and the secrets after workflows that fork pull requests can trigger; use pull_request or push instead.',
};

const pullRequestHead = /github\.event\.(pull_request|workflow_run)\.head|github\.head_ref/;

function checkoutRedFlags(workflow: WorkflowFile, privileged: boolean): Problem[] {
  return steps(workflow).flatMap((step) => {
    if (usesOf(step.node)?.target.toLowerCase() !== 'actions/checkout') return [];
    const inputs = getMap(step.node, 'with');
    const unsafe = entry(inputs, 'allow-unsafe-pr-checkout');
    const ref = entry(inputs, 'ref');
    const problems: Problem[] = [];
    if (unsafe && text(unsafe.value) === 'true') {
      problems.push(
        problemAt(
          workflow,
          unsafe.value,
          'allow-unsafe-pr-checkout: true checks out code from a fork where the token and secrets are available; remove it.',
        ),
      );
    }
    if (privileged && ref && pullRequestHead.test(text(ref.value) ?? '')) {
      problems.push(
        problemAt(
          workflow,
          ref.value,
          "this checks out the pull request's own code in a privileged workflow, where it can reach the token and secrets; check out the base branch only.",
        ),
      );
    }
    return problems;
  });
}

/** dangerous-triggers (W07): no `pull_request_target` or `workflow_run`, no fork code checked out there. */
export const dangerousTriggers: Rule = {
  id: 'dangerous-triggers',
  severity: 'error',
  security: ['W07'],
  doc: "No workflow is triggered by `pull_request_target` or `workflow_run`: both run with a write token and the repository's secrets on behalf of forks. In such workflows, checking out the pull request's head is flagged too, and `allow-unsafe-pr-checkout: true` is flagged everywhere.",
  check: (project) =>
    project.workflows.flatMap((workflow) => {
      const flagged = triggers(workflow).filter((trigger) => dangerous[trigger.name]);
      return [
        ...flagged.map((trigger) => problemAt(workflow, trigger.node, dangerous[trigger.name]!)),
        ...checkoutRedFlags(workflow, flagged.length > 0),
      ];
    }),
};
