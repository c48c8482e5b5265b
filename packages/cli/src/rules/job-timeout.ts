import { jobs } from '../validate/workflow.js';
import { entry } from '../validate/yaml-nodes.js';
import { problemAt, type Rule } from './rule.js';

/** job-timeout (W15): every job with `runs-on` has `timeout-minutes`. */
export const jobTimeout: Rule = {
  id: 'job-timeout',
  severity: 'warning',
  security: ['W15'],
  ownFilesOnly: true,
  doc: "Every job that has `runs-on` sets `timeout-minutes`. GitHub's default is 360 minutes: a stuck training job holds a GPU runner, or bills a hosted one, for six hours. (A job that calls a reusable workflow cannot set it; the called workflow's jobs do.)",
  check: (project) =>
    project.workflows.flatMap((workflow) =>
      jobs(workflow)
        .filter((job) => entry(job.node, 'runs-on') && !entry(job.node, 'timeout-minutes'))
        .map((job) =>
          problemAt(
            workflow,
            job.key,
            `job "${job.id}" has no timeout-minutes, so a stuck run holds its runner for 6 hours; set one (e.g. timeout-minutes: 30).`,
          ),
        ),
    ),
};
