import { isScalar, type Node } from 'yaml';
import { steps, usesOf, type WorkflowFile } from '../validate/workflow.js';
import { get, getMap, text } from '../validate/yaml-nodes.js';
import { problemAt, problemAtOffset, type Problem, type Rule } from './rule.js';

/** The local train action, and the file it installs when the step names none. */
const trainAction = './.github/actions/train';
const actionDefault = 'requirements.txt';

/** `-r FILE`, `-rFILE`, `--requirement FILE` or `--requirement=FILE` of a pip or uv command. */
const requirementOption = /(?:^|\s)(?:-r\s*|--requirement[=\s]\s*)(["']?)([^\s"';|&]+)\1/g;

/** A literal path: no variable or expression, which only the run knows. */
const literal = (path: string) => !path.includes('$') && !path.includes('{');

const normal = (path: string) => path.replace(/^(\.\/)+/, '');

function missing(workflow: WorkflowFile, path: string, instead: string): string {
  return `${workflow.path} installs ${path}, which does not exist; lock the project's requirements into it with hashes (uv pip compile --generate-hashes <requirements.in or pyproject.toml> -o ${path}) or ${instead}.`;
}

const trainInstead =
  'set train.requirements in ml-cicd.yaml to the file the project has and run ml-cicd add workflow again';
const runInstead = 'install the file the project has';

/** The train action's steps: the file of their `requirements:` input, or the action's default. */
function trainActionFiles(project: Parameters<Rule['check']>[0], workflow: WorkflowFile) {
  return steps(workflow).flatMap((step): Problem[] => {
    const uses = usesOf(step.node);
    if (uses?.target.replace(/\/$/, '') !== trainAction) return [];
    const input = get(getMap(step.node, 'with'), 'requirements');
    const path = text(input) ?? actionDefault;
    if (!literal(path) || project.read(normal(path)) !== undefined) return [];
    const at: Node | null | undefined = isScalar(input) ? input : uses.node;
    return [problemAt(workflow, at, missing(workflow, path, trainInstead))];
  });
}

/** `path`, or the literal value the step's `env` gives it when it is one variable (`$NAME`). */
function throughEnv(path: string, step: Node): string {
  const name = /^\$\{?(\w+)\}?$/.exec(path)?.[1];
  return (name && text(get(getMap(step, 'env'), name))) || path;
}

/** `run:` lines that install a literal requirements file with pip or uv, or one its env names. */
function runFiles(project: Parameters<Rule['check']>[0], workflow: WorkflowFile) {
  return steps(workflow).flatMap((step): Problem[] => {
    const run = get(step.node, 'run');
    if (!isScalar(run) || typeof run.value !== 'string' || !run.range) return [];
    const source = workflow.text.slice(run.range[0], run.range[1]);
    return run.value.split('\n').flatMap((line) => {
      if (!/\b(pip|uv)\b.*\binstall\b/.test(line)) return [];
      return [...line.matchAll(requirementOption)].flatMap((match) => {
        const path = throughEnv(match[2]!, step.node);
        if (!literal(path) || project.read(normal(path)) !== undefined) return [];
        const found = source.indexOf(match[2]!);
        const offset = run.range![0] + Math.max(found, 0);
        return [problemAtOffset(workflow, offset, missing(workflow, path, runInstead))];
      });
    });
  });
}

/** requirements-exist: every requirements file a workflow installs is in the repository. */
export const requirementsExist: Rule = {
  id: 'requirements-exist',
  severity: 'error',
  security: [],
  doc: 'Every requirements file a workflow installs exists in the repository: the `requirements` input of a step that uses the local train action (`requirements.txt` when it sets none; ml-cicd.yaml\'s `train.requirements` sets it), and the `-r`/`--requirement` file of a `pip install` or `uv pip install` line, written out or one variable the step\'s `env` sets (`-r "$REQUIREMENTS"`, as the workflows install `train.requirements`). A missing file fails the run at its install step, before any training; a path built otherwise from a variable or an expression is left to the run.',
  check: (project) =>
    project.workflows.flatMap((workflow) => [
      ...trainActionFiles(project, workflow),
      ...runFiles(project, workflow),
    ]),
};
