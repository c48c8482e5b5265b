import { isScalar, visit, type Node } from 'yaml';
import { jobs, triggers, type Job } from '../validate/workflow.js';
import { get, getMap, items, text } from '../validate/yaml-nodes.js';
import { problemAt, type Rule } from './rule.js';

const pullRequestTriggers = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
]);

/** Conditions that keep pull requests from forks off the job (spaces and `${{ }}` ignored). */
const guards = [
  'github.event.pull_request.head.repo.full_name==github.repository',
  'github.repository==github.event.pull_request.head.repo.full_name',
  'github.event.pull_request.head.repo.fork==false',
  '!github.event.pull_request.head.repo.fork',
  "github.event_name!='pull_request'",
];

function labels(runsOn: Node | null | undefined): string[] {
  const scalar = text(runsOn);
  if (scalar !== undefined) return [scalar];
  return [...items(runsOn), ...items(get(runsOn, 'labels'))].flatMap((item) => text(item) ?? []);
}

/** `runs-on` names `self-hosted`, or a reusable workflow is told to run there. */
function selfHosted(job: Job): boolean {
  if (labels(get(job.node, 'runs-on')).includes('self-hosted')) return true;
  const inputs = getMap(job.node, 'with');
  let found = false;
  if (inputs) {
    visit(inputs, {
      Scalar(_, node) {
        if (isScalar(node) && String(node.value).includes('self-hosted')) found = true;
      },
    });
  }
  return found;
}

function guarded(job: Job): boolean {
  const condition = (text(get(job.node, 'if')) ?? '').replace(/\$\{\{|\}\}|\s+/g, '');
  return guards.some((guard) => {
    const at = condition.indexOf(guard);
    return at >= 0 && !condition.slice(0, at).endsWith('!(');
  });
}

/** self-hosted-fork-guard (W17): code from a fork never reaches a self-hosted runner. */
export const selfHostedForkGuard: Rule = {
  id: 'self-hosted-fork-guard',
  severity: 'error',
  security: ['W17'],
  doc: "A job that runs on a self-hosted runner (its `runs-on`, or a reusable workflow's input, names `self-hosted`) in a workflow triggered by pull requests has an `if:` that keeps pull requests from forks off it (`github.event.pull_request.head.repo.full_name == github.repository`). Otherwise anyone who opens a pull request runs code on your machine.",
  check: (project) =>
    project.workflows.flatMap((workflow) => {
      if (!triggers(workflow).some((trigger) => pullRequestTriggers.has(trigger.name))) return [];
      return jobs(workflow)
        .filter((job) => selfHosted(job) && !guarded(job))
        .map((job) =>
          problemAt(
            workflow,
            job.key,
            `job "${job.id}" runs on a self-hosted runner in a workflow that pull requests trigger, so code from a fork would run there; add "if: github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository".`,
          ),
        );
    }),
};
