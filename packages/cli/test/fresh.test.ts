import { answerCombinations, buildProject, writePlan } from '@ml-cicd/core';
import { describe, expect, it } from 'vitest';
import { validateProject } from '../src/validate/validate-project.js';
import { assets, kinds, project, tempDir, type Kind } from './fixtures.js';

describe.each(Object.keys(kinds) as Kind[])('a fresh %s render', (kind) => {
  it('validates clean, with nothing even at info', async () => {
    const report = await validateProject(await project(kind));
    expect(report.findings).toEqual([]);
  });
});

describe('a fresh render of every runner kind in the registry', () => {
  const firstOfEach = answerCombinations().filter(
    (answers, index, all) => all.findIndex((other) => other.runner === answers.runner) === index,
  );

  it.each(firstOfEach.map((answers) => [answers.runner, answers] as const))(
    '%s validates clean',
    async (_, answers) => {
      const dir = tempDir();
      await writePlan(buildProject(answers, assets).files, dir);
      expect((await validateProject(dir)).findings).toEqual([]);
    },
  );
});
