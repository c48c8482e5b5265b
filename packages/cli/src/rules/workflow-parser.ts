import { parseWithGitHub } from '../validate/workflow-parser.js';
import { isRemote, jobs, usesOf } from '../validate/workflow.js';
import type { Project } from '../validate/project.js';
import type { Problem, Rule } from './rule.js';

const unreachable = 'Unable to find reusable workflow';

/** `path:line:col` of each call to a remote reusable workflow, which cannot be read offline. */
function remoteCalls(project: Project): Map<string, string> {
  const calls = new Map<string, string>();
  for (const workflow of project.workflows) {
    for (const job of jobs(workflow)) {
      const uses = usesOf(job.node);
      if (!uses || !isRemote(uses)) continue;
      const { line, column } = workflow.at(uses.node);
      calls.set(`${workflow.path}:${line}:${column}`, `${uses.target}@${uses.ref ?? ''}`);
    }
  }
  return calls;
}

async function check(project: Project): Promise<Problem[]> {
  const files = project.yamlPaths.flatMap((path) => {
    const content = project.read(path);
    const kind = path.startsWith('.github/actions/') ? ('action' as const) : ('workflow' as const);
    return content === undefined ? [] : [{ path, kind, content }];
  });
  if (files.length === 0) return [];
  const remote = remoteCalls(project);
  const errors = await parseWithGitHub(files, (path) => project.read(path.replace(/^\.\//, '')));
  return errors.flatMap((error) => {
    const call = remote.get(`${error.file}:${error.line}:${error.column}`);
    if (call && error.message === unreachable) {
      project.note(
        `${call} is a remote reusable workflow: its inputs and secrets were not checked (validate works offline).`,
      );
      return [];
    }
    const message = /[.?!]$/.test(error.message) ? error.message : `${error.message}.`;
    return [{ file: error.file, line: error.line, column: error.column, message }];
  });
}

/** workflow-parser: what GitHub itself rejects when it loads a workflow or action. */
export const workflowParser: Rule = {
  id: 'workflow-parser',
  severity: 'error',
  security: [],
  doc: "Every workflow and local action passes GitHub's own parser (`@actions/workflow-parser`): the schema of workflow files, expressions and their contexts, and the inputs and secrets of calls to local reusable workflows. A file it rejects does not run at all.",
  check,
};
