import { extraArgsInput, type Param, type ParamType } from '@ml-cicd/config';
import type { Node } from 'yaml';
import type { Project } from '../validate/project.js';
import { sameValue, show } from '../validate/show.js';
import type { WorkflowFile } from '../validate/workflow.js';
import { entries, entryAt, get, items, text, type Entry } from '../validate/yaml-nodes.js';
import { problemAt, type Problem, type Rule } from './rule.js';
import { runSync } from './sync-hint.js';

export const trainWorkflowPath = '.github/workflows/train.yml';

/** ml-cicd.yaml is the one list: sync writes its params into the workflow's inputs. */
const fix = runSync(trainWorkflowPath);

/** The workflow_dispatch input type of each param type. */
export const dispatchTypes: Record<ParamType, string> = {
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
  choice: 'choice',
  string: 'string',
};

function compare(workflow: WorkflowFile, name: string, param: Param, input: Entry): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined, message: string, severity?: 'warning') =>
    problems.push(problemAt(workflow, node ?? input.keyNode, message, severity));
  const type = text(get(input.value, 'type')) ?? 'string';
  const expected = dispatchTypes[param.type];
  if (type !== expected) {
    at(
      get(input.value, 'type'),
      `input "${name}" has type ${type}, but params.${name} is ${param.type}, which needs type ${expected}; ${fix}.`,
    );
    return problems;
  }
  const defaultNode = get(input.value, 'default');
  const actual = defaultNode === undefined ? undefined : text(defaultNode);
  if (actual === undefined || !sameValue(actual, param.default)) {
    const now = actual === undefined ? 'has no default' : `defaults to ${show(actual)}`;
    at(
      defaultNode,
      `input "${name}" ${now}, but params.${name}.default is ${show(param.default)}; ${fix}, or change the default there.`,
    );
  }
  const options = items(get(input.value, 'options')).map((item) => text(item) ?? '');
  if (param.type === 'choice' && show(options) !== show(param.choices ?? [])) {
    at(
      get(input.value, 'options'),
      `input "${name}" offers ${show(options)}, but params.${name}.choices are ${show(param.choices)}; ${fix}, or change the choices there.`,
    );
  }
  const description = text(get(input.value, 'description'));
  if (description !== param.description) {
    at(
      get(input.value, 'description'),
      `input "${name}" is described as ${show(description ?? '')}, but params.${name}.description is ${show(param.description)}; ${fix}.`,
      'warning',
    );
  }
  return problems;
}

function check(project: Project): Problem[] {
  const { config, configFile } = project;
  if (!config || !configFile) return [];
  const workflow = project.workflows.find((file) => file.path === trainWorkflowPath);
  if (!workflow) {
    if (Object.keys(config.params).length > 0) {
      project.note(`${trainWorkflowPath} not found: the params were not compared with its inputs.`);
    }
    return [];
  }
  const inputs = entries(entryAt(workflow.root, ['on', 'workflow_dispatch', 'inputs'])?.value);
  const problems = Object.entries(config.params).flatMap(([name, param]) => {
    const input = inputs.find((candidate) => candidate.key === name);
    if (input) return compare(workflow, name, param, input);
    const key = entryAt(configFile.doc.contents, ['params', name])?.keyNode;
    return [
      problemAt(
        configFile,
        key,
        `params.${name} is not a workflow_dispatch input of ${trainWorkflowPath}; ${fix} (it adds the input "${name}", type ${dispatchTypes[param.type]}, default ${show(param.default)}).`,
      ),
    ];
  });
  const extra = inputs
    .filter((input) => !(input.key in config.params) && input.key !== extraArgsInput)
    .map((input) =>
      problemAt(
        workflow,
        input.keyNode,
        `input "${input.key}" of ${trainWorkflowPath} is not in the params of ml-cicd.yaml; add params.${input.key} there, or ${fix} (it removes the input).`,
      ),
    );
  return [...problems, ...extra];
}

/** params-match-workflow-inputs: ml-cicd.yaml's params are the Train workflow's dispatch inputs. */
export const paramsMatchWorkflowInputs: Rule = {
  id: 'params-match-workflow-inputs',
  severity: 'error',
  security: [],
  doc: "The `params` of `ml-cicd.yaml` are the `workflow_dispatch` inputs of `.github/workflows/train.yml`: the same names, the input type that fits each param's type (integer and number → number, boolean → boolean, choice → choice, string → string), the same defaults and options. A different description is a warning. Its one other input, `extra-args`, passes more arguments to the script. `ml-cicd sync` writes the params of `ml-cicd.yaml` into the workflow.",
  check,
};
