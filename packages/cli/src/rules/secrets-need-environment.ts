import type { MlCicdConfig } from '@ml-cicd/config';
import { contextReferences, expressionsUnder } from '../validate/expressions.js';
import { jobs, type WorkflowFile } from '../validate/workflow.js';
import { entry, get } from '../validate/yaml-nodes.js';
import { problemAtOffset, type Problem, type Rule } from './rule.js';

/**
 * The environment to bind: the one ml-cicd.yaml declares the secret in, else one named for the
 * job's purpose (a deploy job's secret is no training secret), for which the job id stands.
 */
function environmentFor(secret: string, job: string, config: MlCicdConfig | undefined): string {
  const environments = Object.entries(config?.environments ?? {});
  const declaring = environments.find(([, environment]) => environment.secrets.includes(secret));
  return declaring
    ? `"environment: ${declaring[0]}"`
    : `an environment named for what the job does ("environment: ${job}")`;
}

function firstOfEach<T extends { name: string }>(references: T[]): T[] {
  return references.filter(
    (reference, index) => references.findIndex((r) => r.name === reference.name) === index,
  );
}

function secretsUnder(workflow: WorkflowFile, node: Parameters<typeof expressionsUnder>[1]) {
  return firstOfEach(
    contextReferences(expressionsUnder(workflow, node), 'secrets').filter(
      (reference) => reference.name !== 'GITHUB_TOKEN',
    ),
  );
}

/** `secrets-scope: repo` declares that the repository cannot have environments: said, not failed. */
function repositorySecrets(
  workflow: WorkflowFile,
  job: string,
  references: ReturnType<typeof secretsUnder>,
): Problem[] {
  const [first] = references;
  if (!first) return [];
  const names = references.map((reference) => reference.name).join(', ');
  return [
    {
      ...problemAtOffset(
        workflow,
        first.offset,
        `job "${job}" reads repository secrets (${names}), as ml-cicd.yaml sets secrets-scope: repo: any workflow on any branch can read them, with no required reviewers, no deployment-branch rule and no environment-scoped secrets; remove secrets-scope: repo and bind an environment once the repository can have one.`,
      ),
      severity: 'info',
    },
  ];
}

function check(workflow: WorkflowFile, config: MlCicdConfig | undefined): Problem[] {
  const workflowEnv = secretsUnder(workflow, get(workflow.root, 'env')).map((reference) =>
    problemAtOffset(
      workflow,
      reference.offset,
      `the workflow's env: reads secrets.${reference.name}, which hands it to every job; move it to the env: of the one job that binds an environment.`,
    ),
  );
  const perJob = jobs(workflow).flatMap((job) => {
    if (entry(job.node, 'environment')) return [];
    const calls = entry(job.node, 'uses') !== undefined;
    const references = secretsUnder(workflow, job.node);
    if (!calls && config?.['secrets-scope'] === 'repo') {
      return repositorySecrets(workflow, job.id, references);
    }
    return references.map((reference) => {
      const environment = environmentFor(reference.name, job.id, config);
      const message = calls
        ? `job "${job.id}" passes secrets.${reference.name} to a reusable workflow, where no environment protects it; run the step that needs it in a job of this workflow with ${environment}.`
        : `job "${job.id}" reads secrets.${reference.name} without an environment; add ${environment} so it is an environment secret behind that environment's protection rules.`;
      return problemAtOffset(workflow, reference.offset, message);
    });
  });
  return [...workflowEnv, ...perJob];
}

/** secrets-need-environment (W10): a job that reads a secret binds a GitHub Environment. */
export const secretsNeedEnvironment: Rule = {
  id: 'secrets-need-environment',
  severity: 'error',
  security: ['W10'],
  doc: "Every job that reads a secret other than `GITHUB_TOKEN` binds a GitHub Environment (`environment:`), so the secret is an environment secret released only after the environment's protection rules (required reviewers, branch policy). Secrets in a workflow-level `env:` or passed to a reusable workflow are flagged too. The finding suggests the environment `ml-cicd.yaml` declares the secret in, else one named for what the job does. With `secrets-scope: repo` in `ml-cicd.yaml` (a repository that cannot have environments) a job reading repository secrets is an `info` finding that says what protection is lost, so the declared choice does not fail CI.",
  check: (project) =>
    project.workflows
      .filter((workflow) => workflow.kind === 'workflow')
      .flatMap((workflow) => check(workflow, project.config)),
};
