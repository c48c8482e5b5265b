/**
 * `pnpm plop rule`: the skeleton of a named validate rule, registered where rules of its kind
 * live: one that reads the whole repository in the cli, one that reads ml-cicd.yaml alone in
 * @ml-cicd/config (which runs it as it loads the file).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionType, NodePlopAPI, PlopGeneratorConfig } from 'node-plop';
import { contributorRoot } from './paths.js';
import { asked, kebab, lineProblem, textAnswer, type PlopAnswers } from './questions.js';
import { formatTs, registryEdits } from './source-edits.js';

const kinds = {
  repository: {
    dir: 'packages/cli/src/rules',
    template: 'repository-rule',
    registry: 'export const rules: readonly Rule[] = [',
    example: 'job-timeout.ts',
    test: 'start from a fresh render (project()), break exactly one thing (edit) and expect the exact file:line:col finding (printed), and none with rules: {<id>: off} (turnOff)',
  },
  'ml-cicd.yaml': {
    dir: 'packages/config/src/rules',
    template: 'config-rule',
    registry: 'export const rules: readonly ConfigRule[] = [',
    example: 'param-default-in-range.ts',
    test: 'break exactly one thing in the example (breakExample) and expect the exact ml-cicd.yaml:line:col finding (printed), and none with rules: {<id>: off}',
  },
} as const;
type Kind = keyof typeof kinds;
const kindNames = Object.keys(kinds) as Kind[];

/** Findings of these come from the loaders, not from a named rule. */
const reserved = new Set(['schema', 'yaml', 'unknown-rule']);
const severities = ['error', 'warning', 'info'];

function idProblem(root: string, id: string): string | undefined {
  if (!kebab.test(id))
    return `"${id}" is not a rule id: use kebab-case, e.g. workflow-pinned-actions.`;
  const taken = kindNames.some((kind) => existsSync(join(root, kinds[kind].dir, `${id}.ts`)));
  return reserved.has(id) || taken ? `${id} is taken: choose another rule id.` : undefined;
}

function problems(root: string, data: PlopAnswers): string[] {
  const given = (name: string) => textAnswer(data, name) ?? '';
  const severity = textAnswer(data, 'severity') ?? 'error';
  const reads = textAnswer(data, 'reads') ?? 'repository';
  return [
    idProblem(root, given('id')),
    lineProblem('summary', given('summary')),
    lineProblem('doc', given('doc')),
    severities.includes(severity)
      ? undefined
      : `severity must be one of ${severities.join(', ')} (got "${severity}").`,
    reads in kinds ? undefined : `reads must be ${kindNames.join(' or ')} (got "${reads}").`,
  ].filter((problem) => problem !== undefined);
}

const checklist = (id: string, kind: (typeof kinds)[Kind]) =>
  [
    'Next, by hand:',
    `  - ${kind.dir}/${id}.ts: check() returns one problem per finding, as in ${kind.example}; the message is one sentence naming what is wrong and what would be valid`,
    `  - ${id}.test.ts: ${kind.test.replace('<id>', id)}`,
    '  - docs/guide/validate.md: WRITE_DOCS=1 vitest run test/validate-docs.test.ts in packages/cli',
    '  - .changeset/*.md: a changeset describing the new rule',
  ].join('\n');

function actions(plop: NodePlopAPI, data: PlopAnswers): ActionType[] {
  const root = contributorRoot(plop);
  const found = problems(root, data);
  if (found.length > 0) throw new Error(found.join('\n'));
  const id = textAnswer(data, 'id')!;
  const reads = (textAnswer(data, 'reads') ?? 'repository') as Kind;
  const kind = kinds[reads];
  const draft = {
    name: plop.renderString('{{camelCase id}}', { id }),
    severity: textAnswer(data, 'severity') ?? 'error',
  };
  return [
    ...['.ts', '.test.ts'].map((suffix) => ({
      type: 'add' as const,
      path: join(root, kind.dir, `${id}${suffix}`),
      templateFile: `templates/${kind.template}${suffix}.hbs`,
      data: draft,
      transform: formatTs,
    })),
    ...registryEdits(join(root, kind.dir, 'index.ts'), kind.registry, draft.name, `./${id}.js`),
    checklist(id, kind),
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
      {
        type: 'list',
        name: 'reads',
        message:
          'What it reads: the repository (workflows, script, files; in the cli) or ml-cicd.yaml alone (in @ml-cicd/config, also checked by ml-cicd secrets)',
        choices: kindNames,
        default: 'repository',
      },
    ]),
    actions: (data) => actions(plop, data ?? {}),
  };
}
