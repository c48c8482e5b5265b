import { isReusableOnly, jobs, type Job, type WorkflowFile } from '../validate/workflow.js';
import type { Project } from '../validate/project.js';
import { entryAt, get, items, text } from '../validate/yaml-nodes.js';
import { problemAt, type Problem, type Rule } from './rule.js';

const id = 'public-runner-approval';

/** The images GitHub hosts: `ubuntu-24.04`, `windows-latest`, `macos-15-xlarge`, ... */
const githubImage = /^(ubuntu|windows|macos)-[A-Za-z0-9._-]+$/;

/**
 * The runs-on labels of a job: a label, a list, or `{group, labels}`. A call to a reusable workflow
 * passes them as its `runs-on` input, JSON (`'["self-hosted", "gpu"]'`); the called workflow's own
 * `runs-on: ${{ fromJSON(inputs.runs-on) }}` is the caller's to decide, so it counts there.
 */
function labels(job: Job, reusable: boolean): string[] {
  const runsOn = get(job.node, 'runs-on');
  const one = text(runsOn);
  if (one !== undefined) return reusable && /\binputs\./.test(one) ? [] : [one];
  if (runsOn === undefined) return fromInput(text(get(get(job.node, 'with'), 'runs-on')));
  return [...items(runsOn), ...items(get(runsOn, 'labels'))].flatMap((item) => text(item) ?? []);
}

function fromInput(json: string | undefined): string[] {
  if (json === undefined) return [];
  try {
    const value: unknown = JSON.parse(json);
    const list = Array.isArray(value) ? value : [value];
    return list.map(String);
  } catch {
    return [json];
  }
}

/**
 * A label no GitHub-hosted runner carries: `self-hosted`, an ARC scale set's name, or an
 * expression (the ec2 runner's label, unique to the run). `largerRunner` is ml-cicd.yaml's hosted
 * label, the name of a larger GitHub-hosted runner.
 */
function ownRunnerLabel(
  job: Job,
  reusable: boolean,
  largerRunner: string | undefined,
): string | undefined {
  return labels(job, reusable).find((label) => !githubImage.test(label) && label !== largerRunner);
}

interface OwnRunnerJob {
  workflow: WorkflowFile;
  job: Job;
  label: string;
}

function ownRunnerJobs(project: Project): OwnRunnerJob[] {
  const runner = project.config?.runner;
  const largerRunner =
    runner?.kind === 'hosted' && typeof runner.label === 'string' ? runner.label : undefined;
  return project.workflows.flatMap((workflow) =>
    jobs(workflow).flatMap((job) => {
      const label = ownRunnerLabel(job, isReusableOnly(workflow), largerRunner);
      return label === undefined ? [] : [{ workflow, job, label }];
    }),
  );
}

const howToProtect = `require approval of every outside contributor's runs (ml-cicd secrets --apply sets it; or Settings → Actions → General → "Require approval for all external contributors"), then record that on this line with "# ml-cicd: ignore[${id}] <how and when it was set>"`;

function check(project: Project): Problem[] {
  const found = ownRunnerJobs(project);
  if (found.length === 0) return [];
  if (project.options.public === undefined) {
    project.note(
      `${found.length} job${found.length === 1 ? '' : 's'} run on your own runners; whether the repository is public is not known, so ${id} was not checked (pass --public for a public repository).`,
    );
    return [];
  }
  if (!project.options.public) return [];
  const { configFile } = project;
  const kind = configFile && entryAt(configFile.doc.contents, ['runner', 'kind']);
  if (configFile && kind) {
    const where = found.map(({ workflow, job }) => `${workflow.path} (${job.id})`).join(', ');
    return [
      problemAt(
        configFile,
        kind.value ?? kind.keyNode,
        `This public repository's workflows run jobs on runners that are not GitHub's (${where}), which a fork's pull request can reach by editing its copy of the workflows; ${howToProtect}.`,
      ),
    ];
  }
  return found.map(({ workflow, job, label }) =>
    problemAt(
      workflow,
      get(job.node, 'runs-on') ?? job.key,
      `job "${job.id}" runs on ${JSON.stringify(label)}, a runner that is not GitHub's, which a fork's pull request to this public repository can reach by editing its copy of the workflows; ${howToProtect}.`,
    ),
  );
}

/** public-runner-approval (W17): a public repository's own runners wait for approval of forks' runs. */
export const publicRunnerApproval: Rule = {
  id,
  severity: 'warning',
  security: ['W17'],
  doc: `In a public repository (\`--public\`; in CI the action reads it from the event, offline), a workflow job whose \`runs-on\` is not a GitHub-hosted runner (\`self-hosted\`, an ARC scale set's name, the ec2 runner's label, anything but a \`ubuntu-\`/\`windows-\`/\`macos-\` image or ml-cicd.yaml's larger hosted runner) is a warning until the repository records that outside contributors' runs need approval: a fork's pull request runs the fork's copy of the workflows, which can drop the \`if:\` guard and target the runner's labels, and by GitHub's default only first-time contributors need approval. The warning is on ml-cicd.yaml's \`runner.kind\` (else on each job's \`runs-on\`); after \`ml-cicd secrets --apply\` (or the setting under Settings → Actions → General), record it there with \`# ml-cicd: ignore[${id}] <how and when it was set>\`. Without \`--public\`, validate does not know the visibility and only notes it.`,
  check,
};
