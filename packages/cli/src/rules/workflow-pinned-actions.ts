import { actions } from '@ml-cicd/core';
import type { WorkflowFile } from '../validate/workflow.js';
import { isRemote, jobs, repoOf, steps, usesOf, type Uses } from '../validate/workflow.js';
import { problemAt, quote, type Problem, type Rule } from './rule.js';

const fullSha = /^[0-9a-f]{40}$/;
const pins = Object.values(actions);

/** The first word of the comment after the value on its line (`# v7.0.1` → `v7.0.1`). */
function versionComment(workflow: WorkflowFile, uses: Uses): string | undefined {
  const end = uses.node.range?.[1] ?? 0;
  const newline = workflow.text.indexOf('\n', end);
  const rest = workflow.text.slice(end, newline < 0 ? undefined : newline);
  return /^\s*#\s*(\S+)/.exec(rest)?.[1];
}

function check(workflow: WorkflowFile, uses: Uses): string | undefined {
  const repo = repoOf(uses.target);
  const known = pins.filter((pin) => pin.repo.toLowerCase() === repo.toLowerCase());
  const suggestion = known.at(-1);
  const example = suggestion
    ? `${uses.target}@${suggestion.sha} # ${suggestion.tag}`
    : `${uses.target}@<40-character SHA> # vX.Y.Z`;
  if (!uses.ref || !fullSha.test(uses.ref)) {
    const pinned = uses.ref ? `to ${quote(uses.ref)}, which can move` : 'to no version';
    return `${uses.target} is pinned ${pinned}; pin it to a full commit SHA with its version in a comment (${example}).`;
  }
  const comment = versionComment(workflow, uses);
  const bySha = known.find((pin) => pin.sha === uses.ref);
  if (!comment || !/^v?\d/.test(comment)) {
    const tag = bySha ? quote(`# ${bySha.tag}`) : 'the version the SHA is, e.g. "# v1.2.3"';
    return `${uses.target}@${uses.ref.slice(0, 12)}… has no version comment; add ${tag} after it so readers and Dependabot see the version.`;
  }
  if (bySha && bySha.tag !== comment) {
    return `the comment says ${comment}, but ${uses.ref.slice(0, 12)}… is ${bySha.tag} of ${bySha.repo}; write "# ${bySha.tag}".`;
  }
  const byTag = known.find((pin) => pin.tag === comment);
  if (byTag && byTag.sha !== uses.ref) {
    return `${byTag.repo} ${byTag.tag} is ${byTag.sha}, not ${uses.ref}; pin the SHA of ${byTag.tag} or correct the comment.`;
  }
  return undefined;
}

function usesIn(workflow: WorkflowFile): Uses[] {
  return [
    ...jobs(workflow).map((job) => usesOf(job.node)),
    ...steps(workflow).map((step) => usesOf(step.node)),
  ].filter((uses): uses is Uses => uses !== undefined && isRemote(uses));
}

/** workflow-pinned-actions (W03): every remote `uses:` is a full SHA with a matching version comment. */
export const workflowPinnedActions: Rule = {
  id: 'workflow-pinned-actions',
  severity: 'error',
  security: ['W03'],
  doc: "Every remote `uses:` (actions and reusable workflows, first-party ones too) is pinned to a full 40-character commit SHA followed by a `# vX.Y.Z` comment; for the actions ml-cicd pins itself, the comment must name the version of that SHA in ml-cicd's pin table. A tag or branch can be moved to other code; a SHA cannot.",
  check: (project) =>
    project.workflows.flatMap((workflow) =>
      usesIn(workflow).flatMap((uses): Problem[] => {
        const message = check(workflow, uses);
        return message ? [problemAt(workflow, uses.node, message)] : [];
      }),
    ),
};
