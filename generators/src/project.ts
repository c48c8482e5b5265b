/**
 * `pnpm plop project [dir]`: a new project through core's plan engine, byte for byte what
 * `create-ml-cicd <dir> --yes --no-git` writes for the same answers.
 */
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { buildProject, resolveAnswers, TargetNotEmptyError, writePlan } from '@ml-cicd/core';
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

/** create-ml-cicd's folder when none is given. */
const defaultTarget = 'my-ml-project';

function targetOf(data: PlopAnswers): string {
  return userPath(textAnswer(data, 'target') ?? defaultTarget);
}

function hasFiles(dir: string): boolean {
  try {
    return readdirSync(dir).some((entry) => entry !== '.git');
  } catch {
    return false;
  }
}

async function writeProject(data: PlopAnswers, config: { force?: boolean }): Promise<string> {
  const dir = targetOf(data);
  const answers = resolveAnswers(rawAnswers(data), basename(dir));
  const plan = buildProject(answers, repoAssets);
  try {
    const result = await writePlan(plan.files, dir, {
      force: forced(data, config),
      mode: 'new-project',
    });
    return `${dir}: ${result.written} files (${plan.manifest.features.join(', ')})`;
  } catch (error) {
    if (!(error instanceof TargetNotEmptyError)) throw error;
    throw new Error(
      `${error.message}: nothing was written. Choose a new folder, or write into this one with pnpm plop --force project ${typed(textAnswer(data, 'target') ?? defaultTarget)}.`,
    );
  }
}

export const project: Partial<PlopGeneratorConfig> = {
  description: 'a new project, as create-ml-cicd <dir> --yes --no-git writes it',
  prompts: asked([
    {
      type: 'input',
      name: 'target',
      message: 'Where should the project go?',
      default: defaultTarget,
    },
    ...optionQuestions((data) => basename(targetOf(data))),
    askedIf(
      {
        type: 'confirm',
        name: 'force',
        message: (data: PlopAnswers) =>
          `${targetOf(data)} already has files. Write the project into it, overwriting files with the same names?`,
        default: false,
      },
      (data) => hasFiles(targetOf(data)),
    ),
  ]),
  actions: [writeProject],
};
