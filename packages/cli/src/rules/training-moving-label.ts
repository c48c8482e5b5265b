import { isScalar, isSeq, type Node } from 'yaml';
import { jobs, type Job } from '../validate/workflow.js';
import { get, items, text } from '../validate/yaml-nodes.js';
import { problemAt, type Problem, type Rule } from './rule.js';

/** Labels GitHub points at a newer image from time to time: `*-latest*` and `ubuntu-slim`. */
export function isMovingLabel(label: string): boolean {
  return /^(ubuntu|windows|macos)-latest(-|$)/.test(label) || label === 'ubuntu-slim';
}

const trainAction = /^\.\/\.github\/actions\/train\/?$/;

/** A job trains when it runs the local train action, or is named `train`. */
function trains(job: Job): boolean {
  if (job.id === 'train') return true;
  return items(get(job.node, 'steps')).some((step) =>
    trainAction.test(text(get(step, 'uses')) ?? ''),
  );
}

/** The labels of `runs-on` written out: a scalar, or the items of a list (not `group:` forms). */
function labels(runsOn: Node | null | undefined): Node[] {
  if (isScalar(runsOn)) return [runsOn];
  if (isSeq(runsOn)) return items(runsOn);
  return [];
}

/** training-moving-label: training runs on a named image, not one GitHub moves. */
export const trainingMovingLabel: Rule = {
  id: 'training-moving-label',
  severity: 'warning',
  security: [],
  ownFilesOnly: true,
  doc: "A job that trains (a job named `train`, and every job that runs `./.github/actions/train`) runs on a named image such as `ubuntu-24.04`, not on a label GitHub moves to a newer image: `ubuntu-latest` (Ubuntu 26.04 since November 2026), `windows-latest`, `macos-latest` and their larger variants, or `ubuntu-slim`. On a moving label the same commit and params can train a different model after the move, with a different Python build and system libraries. Lint and tests may follow the moving label. `ml-cicd update --hosted-label ubuntu-24.04` changes a generated project's label.",
  check: (project) =>
    project.workflows.flatMap((workflow) =>
      jobs(workflow)
        .filter(trains)
        .flatMap((job): Problem[] =>
          labels(get(job.node, 'runs-on')).flatMap((node) => {
            const label = text(node);
            if (label === undefined || !isMovingLabel(label)) return [];
            return [
              problemAt(
                workflow,
                node,
                `job "${job.id}" trains on ${label}, a label GitHub moves to newer images, so a later run may not train the same model; name the image instead (e.g. runs-on: ubuntu-24.04).`,
              ),
            ];
          }),
        ),
    ),
};
