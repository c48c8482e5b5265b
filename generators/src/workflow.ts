/**
 * `pnpm plop workflow [dir]`: the `.github/` files of a project, added to an existing repository
 * without overwriting any of its files unless told to. (`ml-cicd add workflow` will do more.)
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { buildProject, ConflictError, resolveAnswers, writePlan, type Plan } from '@ml-cicd/core';
import type { PlopGeneratorConfig } from 'node-plop';
import { askedIf } from './conditional.js';
import { repoAssets, userPath } from './paths.js';
import {
  asked,
  forced,
  optionQuestions,
  rawAnswers,
  textAnswer,
  typed,
  type PlopAnswers,
} from './questions.js';

function targetOf(data: PlopAnswers): string {
  return userPath(textAnswer(data, 'target') ?? '.');
}

/** The `.github/` part of the project these answers make. */
function githubPlan(data: PlopAnswers): Plan {
  const dir = targetOf(data);
  const { files } = buildProject(resolveAnswers(rawAnswers(data), basename(dir)), repoAssets);
  return new Map([...files].filter(([path]) => path.startsWith('.github/')));
}

function conflictMessage(paths: string[], target: string): string {
  const one = paths.length === 1;
  return [
    `${one ? 'This file exists' : 'These files exist'} with other content, so nothing was written:`,
    ...paths.map((path) => `  ${path}`),
    `Keep yours: rename or merge ${one ? 'it' : 'them'}, then run again. Replace ${one ? 'it' : 'them'}: pnpm plop --force workflow ${target}`,
  ].join('\n');
}

async function writeWorkflows(data: PlopAnswers, config: { force?: boolean }): Promise<string> {
  const dir = targetOf(data);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(
      `${dir} is not a folder: the workflow generator adds to an existing repository (pnpm plop project makes a new one).`,
    );
  }
  try {
    const result = await writePlan(githubPlan(data), dir, {
      force: forced(data, config),
      mode: 'into-existing',
    });
    const count = (action: string) => result.files.filter((file) => file.action === action).length;
    return `${dir}: ${count('create')} created, ${count('overwrite')} overwritten, ${count('identical')} unchanged`;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    throw new Error(conflictMessage(error.paths, typed(textAnswer(data, 'target') ?? '.')));
  }
}

async function conflicts(data: PlopAnswers): Promise<string[]> {
  const result = await writePlan(githubPlan(data), targetOf(data), {
    dryRun: true,
    mode: 'into-existing',
  });
  return result.conflicts;
}

export const workflow: Partial<PlopGeneratorConfig> = {
  description: "a project's .github/ workflows, added to an existing repository",
  prompts: asked([
    {
      type: 'input',
      name: 'target',
      message: 'Which repository folder?',
      default: '.',
    },
    ...optionQuestions((data) => basename(targetOf(data))),
    askedIf(
      {
        type: 'confirm',
        name: 'force',
        message: async (data: PlopAnswers) =>
          `Overwrite ${(await conflicts(data)).join(', ')}, which differ from the generated files?`,
        default: false,
      },
      async (data) => (await conflicts(data)).length > 0,
    ),
  ]),
  actions: [writeWorkflows],
};
