/** `pnpm plop rule`: the skeleton of a named validate rule of @ml-cicd/config, registered. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionType, NodePlopAPI, PlopGeneratorConfig } from 'node-plop';
import { contributorRoot } from './paths.js';
import { asked, kebab, lineProblem, textAnswer, type PlopAnswers } from './questions.js';
import { formatTs, registryEdits } from './source-edits.js';

const rulesDir = 'packages/config/src/rules';
/** Findings of these come from the loader, not from a named rule. */
const reserved = new Set(['schema', 'yaml']);
const severities = ['error', 'warning'];

function idProblem(root: string, id: string): string | undefined {
  if (!kebab.test(id))
    return `"${id}" is not a rule id: use kebab-case, e.g. workflow-pinned-actions.`;
  if (reserved.has(id) || existsSync(join(root, rulesDir, `${id}.ts`))) {
    return `${id} is taken: choose another rule id.`;
  }
  return undefined;
}

function problems(root: string, data: PlopAnswers): string[] {
  const given = (name: string) => textAnswer(data, name) ?? '';
  const severity = textAnswer(data, 'severity') ?? 'error';
  return [
    idProblem(root, given('id')),
    lineProblem('summary', given('summary')),
    lineProblem('doc', given('doc')),
    severities.includes(severity)
      ? undefined
      : `severity must be error or warning (got "${severity}").`,
  ].filter((problem) => problem !== undefined);
}

const checklist = (id: string) =>
  [
    'Next, by hand:',
    `  - ${id}.ts: check() returns one { path, message } per problem; the message is one sentence naming the path and what would be valid`,
    `  - ${id}.test.ts: break exactly one thing in the example (breakExample) and expect the exact ml-cicd.yaml:line:col finding, and none with rules: {${id}: off}`,
    '  - .changeset/*.md: a changeset describing the new rule',
  ].join('\n');

function actions(plop: NodePlopAPI, data: PlopAnswers): ActionType[] {
  const root = contributorRoot(plop);
  const found = problems(root, data);
  if (found.length > 0) throw new Error(found.join('\n'));
  const id = textAnswer(data, 'id')!;
  const draft = {
    name: plop.renderString('{{camelCase id}}', { id }),
    severity: textAnswer(data, 'severity') ?? 'error',
  };
  return [
    ...['.ts', '.test.ts'].map((suffix) => ({
      type: 'add' as const,
      path: join(root, rulesDir, `${id}${suffix}`),
      templateFile: `templates/rule${suffix}.hbs`,
      data: draft,
      transform: formatTs,
    })),
    ...registryEdits(
      join(root, rulesDir, 'index.ts'),
      'export const rules: readonly Rule[] = [',
      draft.name,
      `./${id}.js`,
    ),
    checklist(id),
  ];
}

export function rule(plop: NodePlopAPI): Partial<PlopGeneratorConfig> {
  const root = contributorRoot(plop);
  return {
    description: 'contributor boilerplate: a named validate rule and its registry line',
    prompts: asked([
      {
        type: 'input',
        name: 'id',
        message: 'Rule id (kebab-case: the file, the off-switch and the docs heading)',
        validate: (value: string) => idProblem(root, value) ?? true,
      },
      {
        type: 'input',
        name: 'summary',
        message: 'One line: what holds when the rule passes',
        validate: (value: string) => lineProblem('summary', value) ?? true,
      },
      {
        type: 'input',
        name: 'doc',
        message: 'Its doc: what it checks and why it matters',
        validate: (value: string) => lineProblem('doc', value) ?? true,
      },
      {
        type: 'list',
        name: 'severity',
        message: 'Severity',
        choices: severities,
        default: 'error',
      },
    ]),
    actions: (data) => actions(plop, data ?? {}),
  };
}
