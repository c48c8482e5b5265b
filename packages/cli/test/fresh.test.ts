import { answerCombinations, buildProject, writePlan, type Answers } from '@ml-cicd/core';
import { describe, expect, it } from 'vitest';
import { validateProject } from '../src/validate/validate-project.js';
import { assets, kinds, project, tempDir, type Kind } from './fixtures.js';

// A neptune render is reported on purpose: Neptune is retired (neptune-use).
const cleanKinds = (Object.keys(kinds) as Kind[]).filter((kind) => kind !== 'neptune');

describe.each(cleanKinds)('a fresh %s render', (kind) => {
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

describe('a fresh render of every DVC remote kind in the registry', () => {
  // With environments: secrets-scope repo is reported on purpose (secrets-need-environment).
  const withDvc = answerCombinations()
    .filter((answers) => answers.dvcRemote !== undefined)
    .map((answers): Answers => ({ ...answers, secretsScope: 'environment' }));
  const firstOfEach = withDvc.filter(
    (answers, index, all) =>
      all.findIndex((other) => other.dvcRemote === answers.dvcRemote) === index,
  );

  it('covers dagshub, whose token reaches DVC through a here-document', () => {
    expect(firstOfEach.map((answers) => answers.dvcRemote)).toContain('dagshub');
  });

  it.each(firstOfEach.map((answers) => [answers.dvcRemote, answers] as const))(
    '%s validates clean',
    async (_, answers) => {
      const dir = tempDir();
      await writePlan(buildProject(answers, assets).files, dir);
      expect((await validateProject(dir)).findings).toEqual([]);
    },
  );
});
