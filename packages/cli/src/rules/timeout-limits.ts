import { githubLimits } from '@ml-cicd/config';
import { isMap, isScalar, type Node } from 'yaml';
import { jobs, type Job, type WorkflowFile } from '../validate/workflow.js';
import { entries, entry, get, items, text } from '../validate/yaml-nodes.js';
import { problemAt, type Problem, type Rule } from './rule.js';

const { hostedJobMinutes, selfHostedJobMinutes, stepMinutes, tokenMinutes } = githubLimits;

/** A number written as such; an expression is left alone. */
function minutes(node: Node | null | undefined): number | undefined {
  return isScalar(node) && typeof node.value === 'number' ? node.value : undefined;
}

/** Runs on a standard GitHub-hosted image (a larger runner's own name cannot be told apart). */
function onHostedImage(job: Job): boolean {
  const runsOn = get(job.node, 'runs-on');
  const labels = isScalar(runsOn) ? [runsOn] : items(runsOn);
  return (
    labels.length > 0 &&
    labels.every((label) => /^(ubuntu|windows|macos)-[\w.-]+$/.test(text(label) ?? ''))
  );
}

function writes(job: Job): boolean {
  const permissions = get(job.node, 'permissions');
  if (!isMap(permissions)) return text(permissions) === 'write-all';
  return entries(permissions).some(({ value }) => text(value) === 'write');
}

function jobProblems(workflow: WorkflowFile, job: Job): Problem[] {
  const node = entry(job.node, 'timeout-minutes')?.value;
  const limit = minutes(node);
  const found: Problem[] = [];
  if (limit !== undefined && onHostedImage(job) && limit > hostedJobMinutes) {
    found.push(
      problemAt(
        workflow,
        node,
        `job "${job.id}" has timeout-minutes ${limit}, but GitHub stops a job on a hosted runner after ${hostedJobMinutes} minutes; set at most ${hostedJobMinutes}, or train on a self-hosted runner.`,
      ),
    );
  } else if (limit !== undefined && limit > selfHostedJobMinutes) {
    found.push(
      problemAt(
        workflow,
        node,
        `job "${job.id}" has timeout-minutes ${limit}, but GitHub stops any job after ${selfHostedJobMinutes} minutes (5 days); set at most ${selfHostedJobMinutes}.`,
      ),
    );
  }
  if (limit !== undefined && limit > tokenMinutes && writes(job)) {
    found.push(
      problemAt(
        workflow,
        node,
        `job "${job.id}" may run ${limit} minutes and writes with GITHUB_TOKEN, which expires after ${tokenMinutes} minutes (24 hours); do the writing (report, comment, release) in a separate job that needs this one.`,
      ),
    );
  }
  for (const step of items(get(job.node, 'steps'))) {
    const stepNode = get(step, 'timeout-minutes');
    const stepLimit = minutes(stepNode);
    if (stepLimit !== undefined && stepLimit > stepMinutes) {
      found.push(
        problemAt(
          workflow,
          stepNode,
          `a step of job "${job.id}" has timeout-minutes ${stepLimit}, but a step may run at most ${stepMinutes} minutes, even on a self-hosted runner; set at most ${stepMinutes}.`,
        ),
      );
    }
  }
  return found;
}

/** timeout-limits: timeouts within what GitHub allows, and no write token outliving 24 hours. */
export const timeoutLimits: Rule = {
  id: 'timeout-limits',
  severity: 'warning',
  security: [],
  ownFilesOnly: true,
  doc: `Every \`timeout-minutes\` is one GitHub honours: a job on a GitHub-hosted image at most ${hostedJobMinutes} (6 hours), any job at most ${selfHostedJobMinutes} (5 days, self-hosted runners), a step at most ${stepMinutes} even on a self-hosted runner. A longer value does not buy time: GitHub stops the job or step at its limit. And \`GITHUB_TOKEN\` expires after ${tokenMinutes} minutes (24 hours), so a job that may run longer must not be the one that writes with it: the generated workflows report, comment and release from separate jobs.`,
  check: (project) =>
    project.workflows.flatMap((workflow) =>
      jobs(workflow).flatMap((job) => jobProblems(workflow, job)),
    ),
};
