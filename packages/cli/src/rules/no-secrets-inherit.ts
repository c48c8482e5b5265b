import { jobs, usesOf } from '../validate/workflow.js';
import { entry, text } from '../validate/yaml-nodes.js';
import { problemAt, type Rule } from './rule.js';

/** no-secrets-inherit (W11): reusable workflows get their secrets by name. */
export const noSecretsInherit: Rule = {
  id: 'no-secrets-inherit',
  severity: 'error',
  security: ['W11'],
  doc: 'A job that calls a reusable workflow passes secrets by name, never `secrets: inherit`, which hands the callee every secret of the repository, including ones it has no use for.',
  check: (project) =>
    project.workflows.flatMap((workflow) =>
      jobs(workflow).flatMap((job) => {
        const secrets = entry(job.node, 'secrets');
        if (!secrets || text(secrets.value) !== 'inherit') return [];
        const callee = usesOf(job.node)?.target ?? 'the reusable workflow';
        return [
          problemAt(
            workflow,
            secrets.value,
            `job "${job.id}" passes every secret of the repository to ${callee}; pass only the ones it declares, by name (secrets: {NAME: \${{ secrets.NAME }}}).`,
          ),
        ];
      }),
    ),
};
