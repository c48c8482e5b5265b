/**
 * `pnpm plop feature`: the first steps of adding a feature (its template folder, its module with a
 * test, its registry line) and the checklist of the others.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { features, slotKeys, slots, type SlotKey } from '@ml-cicd/core';
import type { ActionType, NodePlopAPI, PlopGeneratorConfig } from 'node-plop';
import { askedIf } from './conditional.js';
import { contributorRoot } from './paths.js';
import { asked, kebab, lineProblem, textAnswer, type PlopAnswers } from './questions.js';
import { formatTs, registryEdits } from './source-edits.js';

const featuresDir = 'packages/core/src/features';
const alwaysOn = 'none';

/** The options a feature can be a choice of: the slots of core's options.ts. */
const choiceOptions: readonly string[] = slotKeys;

const flagOf = (option: string) => slots[option as SlotKey].flag;

function idProblem(root: string, id: string): string | undefined {
  if (!kebab.test(id)) return `"${id}" is not a feature id: use kebab-case, e.g. tracker-mlflow.`;
  for (const dir of [`${featuresDir}/${id}`, `templates/${id}`]) {
    if (existsSync(join(root, dir))) return `${dir} already exists: choose another id.`;
  }
  return undefined;
}

function valueProblem(option: string, value: string): string | undefined {
  if (!kebab.test(value))
    return `"${value}" is not a choice value: use kebab-case, e.g. self-hosted.`;
  const taken = features.some((f) => f.choice?.option === option && f.choice.value === value);
  return taken ? `--${flagOf(option)} ${value} is taken by another feature.` : undefined;
}

function problems(root: string, data: PlopAnswers): string[] {
  const option = textAnswer(data, 'option') ?? alwaysOn;
  const given = (name: string) => textAnswer(data, name) ?? '';
  return [
    idProblem(root, given('id')),
    lineProblem('label', given('label')),
    lineProblem('description', given('description')),
    option === alwaysOn || choiceOptions.includes(option)
      ? undefined
      : `option must be ${[alwaysOn, ...choiceOptions].join(' or ')} (got "${option}").`,
    option === alwaysOn ? undefined : valueProblem(option, given('value')),
  ].filter((problem) => problem !== undefined);
}

const checklist = (id: string) =>
  [
    'Next, by hand:',
    `  - templates/${id}/: the files ${id} owns at their destination paths (replacing .gitkeep), copied in contribute() with templates.feature('${id}')`,
    `  - a pin for every PyPI package only it uses, in its own module (model.requirements.pin(name, version)), then pnpm lock:python`,
    `  - pnpm docs:tables: the docs tables and, for a tracker, a runner or a data feature, the kinds of ml-cicd.yaml's schema`,
    `  - .changeset/*.md: a changeset describing the new option`,
    `  - snapshots: pnpm --filter @ml-cicd/core exec vitest run -u, then review every changed snapshot`,
  ].join('\n');

function actions(plop: NodePlopAPI, data: PlopAnswers): ActionType[] {
  const root = contributorRoot(plop);
  const found = problems(root, data);
  if (found.length > 0) throw new Error(found.join('\n'));
  const id = textAnswer(data, 'id')!;
  const option = textAnswer(data, 'option') ?? alwaysOn;
  const name = plop.renderString('{{camelCase id}}', { id });
  const draft = {
    name,
    choice: option !== alwaysOn,
    // The slot's section of ml-cicd.yaml, when its features declare their branch of the schema.
    section:
      option !== alwaysOn && 'schemaBranches' in slots[option as SlotKey] ? option : undefined,
    title: textAnswer(data, 'label'),
  };
  const dir = join(root, featuresDir, id);
  return [
    { type: 'add', path: join(root, 'templates', id, '.gitkeep'), template: '' },
    ...['index.ts', 'index.test.ts'].map((file) => ({
      type: 'add' as const,
      path: join(dir, file),
      templateFile: `templates/feature-${file}.hbs`,
      data: draft,
      transform: formatTs,
    })),
    ...registryEdits(
      join(root, featuresDir, 'index.ts'),
      'export const features = [',
      name,
      `./${id}/index.js`,
    ),
    checklist(id),
  ];
}

export function feature(plop: NodePlopAPI): Partial<PlopGeneratorConfig> {
  const root = contributorRoot(plop);
  return {
    description: 'contributor boilerplate: a new feature module and its registry line',
    prompts: asked([
      {
        type: 'input',
        name: 'id',
        message: 'Feature id (kebab-case, e.g. tracker-mlflow)',
        validate: (value: string) => idProblem(root, value) ?? true,
      },
      {
        // The feature's `title`; not so named, since plop hands `--title` to node.
        type: 'input',
        name: 'label',
        message: 'Label (its title: the choice label and the README heading)',
        validate: (value: string) => lineProblem('label', value) ?? true,
      },
      {
        type: 'input',
        name: 'description',
        message: 'One-line description (the choice hint and --help)',
        validate: (value: string) => lineProblem('description', value) ?? true,
      },
      {
        type: 'list',
        name: 'option',
        message: 'Is it a choice of an option, or always on?',
        choices: [alwaysOn, ...choiceOptions],
        default: alwaysOn,
      },
      askedIf(
        {
          type: 'input',
          name: 'value',
          message: (data: PlopAnswers) => `Its value of --${flagOf(String(data.option))}`,
          validate: (value: string, data?: PlopAnswers) =>
            valueProblem(String(data?.option), value) ?? true,
        },
        (data) => data.option !== alwaysOn,
      ),
    ]),
    actions: (data) => actions(plop, data ?? {}),
  };
}
