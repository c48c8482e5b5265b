import { isMap, isScalar } from 'yaml';
import { jobs, type WorkflowFile } from '../validate/workflow.js';
import { entries, entry, text } from '../validate/yaml-nodes.js';
import { teamsOwnFile } from './managed-files.js';
import { problemAt, quote, type Problem, type Rule } from './rule.js';

const broad = new Set(['write-all', 'read-all']);

function topLevel(workflow: WorkflowFile): Problem[] {
  const permissions = entry(workflow.root, 'permissions');
  if (!permissions) {
    return [
      problemAt(
        workflow,
        workflow.root,
        `${workflow.path} has no top-level permissions, so every job gets the repository's default token; add "permissions: {}" and grant each job the scopes it uses.`,
      ),
    ];
  }
  const value = permissions.value;
  const scalar = text(value);
  if (scalar !== undefined && broad.has(scalar)) {
    return [
      problemAt(
        workflow,
        value,
        `the top-level permissions are ${scalar}; use "permissions: {}" (or only read scopes) and grant each job the scopes it uses.`,
      ),
    ];
  }
  return entries(value)
    .filter(({ value: access }) => text(access) === 'write')
    .map(({ key, keyNode }) =>
      problemAt(
        workflow,
        keyNode,
        `the top-level permissions grant ${key}: write to every job; grant it only in the jobs that need it and keep the top level {} or read-only.`,
      ),
    );
}

function perJob(workflow: WorkflowFile): Problem[] {
  return jobs(workflow).flatMap((job) => {
    const permissions = entry(job.node, 'permissions');
    if (!permissions) {
      return [
        problemAt(
          workflow,
          job.key,
          `job ${quote(job.id)} has no permissions; list the scopes it uses (e.g. "permissions: {contents: read}").`,
        ),
      ];
    }
    const scalar = text(permissions.value);
    if (scalar === undefined || !broad.has(scalar) || isMap(permissions.value)) return [];
    return [
      problemAt(
        workflow,
        isScalar(permissions.value) ? permissions.value : permissions.keyNode,
        `job ${quote(job.id)} has permissions: ${scalar}; list only the scopes it uses (e.g. contents: read).`,
      ),
    ];
  });
}

/** workflow-permissions (W01, W02): a read-only top level and explicit permissions on every job. */
export const workflowPermissions: Rule = {
  id: 'workflow-permissions',
  severity: 'error',
  security: ['W01', 'W02'],
  doc: "Every workflow has a top-level `permissions:` that is `{}` or only read scopes, and every job declares its own `permissions:` without `write-all` or `read-all`, so the token of each job carries only what that job uses. In a workflow of the team's own (one the manifest does not list) a job may inherit a read-only top level.",
  check: (project) =>
    project.workflows
      .filter((workflow) => workflow.kind === 'workflow')
      .flatMap((workflow) => {
        const top = topLevel(workflow);
        // A job of the team's own workflow inherits a top level that is already {} or read-only.
        const inherited = top.length === 0 && teamsOwnFile(project, workflow.path);
        return [...top, ...(inherited ? [] : perJob(workflow))];
      }),
};
