import { isScalar } from 'yaml';
import { templateExpressions } from '../validate/expressions.js';
import { steps, usesOf } from '../validate/workflow.js';
import { get, getMap } from '../validate/yaml-nodes.js';
import { problemAtOffset, type Rule } from './rule.js';

/** no-expressions-in-run (W06): values reach scripts through `env:`, never pasted into the code. */
export const noExpressionsInRun: Rule = {
  id: 'no-expressions-in-run',
  severity: 'error',
  security: ['W06'],
  doc: 'No `${{ }}` expression inside a `run:` script or the `script:` of actions/github-script. The runner pastes the value into the code before it runs, so a crafted input, branch name or title becomes code; pass it through the step\'s `env:` and use it as `"$NAME"` (or `process.env.NAME`).',
  check: (project) =>
    project.workflows.flatMap((workflow) =>
      steps(workflow).flatMap((step) => {
        const githubScript = usesOf(step.node)?.target.toLowerCase() === 'actions/github-script';
        const [key, code] = githubScript
          ? ['script:', get(getMap(step.node, 'with'), 'script')]
          : ['run:', get(step.node, 'run')];
        if (!isScalar(code)) return [];
        const use = githubScript ? 'process.env.NAME' : '"$NAME"';
        return templateExpressions(workflow, code).map((expression) =>
          problemAtOffset(
            workflow,
            expression.offset,
            `${expression.text} inside ${key} is pasted into the code before it runs, so a crafted value becomes code; pass it through the step's env: and use ${use}.`,
          ),
        );
      }),
    ),
};
