import type { MlCicdConfig } from '@ml-cicd/config';
import { isMap, isScalar } from 'yaml';
import { contextReferences, expressionsUnder } from '../validate/expressions.js';
import { jobs, type WorkflowFile } from '../validate/workflow.js';
import { get } from '../validate/yaml-nodes.js';
import { problemAtOffset, type Rule } from './rule.js';

type Context = 'secrets' | 'vars';

function declared(config: MlCicdConfig, context: Context): Set<string> {
  const environments = Object.values(config.environments);
  return new Set(
    environments.flatMap((environment) =>
      context === 'secrets' ? environment.secrets : environment.variables,
    ),
  );
}

/** The `environment:` name of the job around `offset`, when it binds one by name. */
function environmentAt(workflow: WorkflowFile, offset: number): string | undefined {
  const job = jobs(workflow).find(({ node }) => {
    const [start = 0, , end = 0] = node.range ?? [];
    return offset >= start && offset < end;
  });
  const bound = job && get(job.node, 'environment');
  const name = isMap(bound) ? get(bound, 'name') : bound;
  return isScalar(name) && typeof name.value === 'string' && !name.value.includes('${{')
    ? name.value
    : undefined;
}

/** Where to declare it: the environment its job binds, else the first of ml-cicd.yaml. */
function where(config: MlCicdConfig, context: Context, environment: string | undefined): string {
  const list = context === 'secrets' ? 'secrets' : 'variables';
  const first = environment ?? Object.keys(config.environments)[0] ?? 'training';
  return `environments.${first}.${list}`;
}

/** secrets-declared: every secret and variable a workflow reads is declared in ml-cicd.yaml. */
export const secretsDeclared: Rule = {
  id: 'secrets-declared',
  severity: 'error',
  security: ['W10'],
  ownFilesOnly: true,
  doc: 'Every `secrets.NAME` (other than `GITHUB_TOKEN`) and `vars.NAME` a workflow ml-cicd wrote reads is declared in an environment of `ml-cicd.yaml` (its `secrets` or `variables`), so `ml-cicd secrets` sets them up and the README lists them: a missing one resolves to an empty string at run time, silently.',
  check(project) {
    const { config } = project;
    if (!config) return [];
    return project.workflows
      .filter((workflow) => workflow.kind === 'workflow')
      .flatMap((workflow) => {
        const expressions = expressionsUnder(workflow, workflow.root);
        return (['secrets', 'vars'] as const).flatMap((context) => {
          const known = declared(config, context);
          const seen = new Set<string>();
          return contextReferences(expressions, context).flatMap((reference) => {
            const { name } = reference;
            if (known.has(name) || name === 'GITHUB_TOKEN' || seen.has(name)) return [];
            seen.add(name);
            return [
              problemAtOffset(
                workflow,
                reference.offset,
                `${context}.${name} is not declared in ml-cicd.yaml; add ${name} to the ${context === 'secrets' ? 'secrets' : 'variables'} of the environment whose job reads it (e.g. ${where(config, context, environmentAt(workflow, reference.offset))}).`,
              ),
            ];
          });
        });
      });
  },
};
