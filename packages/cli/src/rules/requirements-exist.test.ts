import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';
const checks = '.github/workflows/checks.yml';
const trainStep = '          python-version: "3.12"\n';

describe('requirements-exist', () => {
  it('reports a train step whose requirements input names a file the repository lacks', async () => {
    const dir = await project();
    edit(dir, train, trainStep, `${trainStep}          requirements: ci/requirements.txt\n`);
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'ci/requirements.txt')}: error [requirements-exist] .github/workflows/train.yml installs ci/requirements.txt, which does not exist; lock the project's requirements into it with hashes (uv pip compile --generate-hashes <requirements.in or pyproject.toml> -o ci/requirements.txt) or set train.requirements in ml-cicd.yaml to the file the project has and run ml-cicd add workflow again.`,
    ]);
  });

  it("reports the action's default requirements.txt, at the uses of each step that trains, when it is missing", async () => {
    const dir = await project();
    rmSync(join(dir, 'requirements.txt'));
    const found = (await printed(dir)).filter((line) => line.includes('[requirements-exist]'));
    expect(found).toContain(
      `${at(dir, train, './.github/actions/train')}: error [requirements-exist] .github/workflows/train.yml installs requirements.txt, which does not exist; lock the project's requirements into it with hashes (uv pip compile --generate-hashes <requirements.in or pyproject.toml> -o requirements.txt) or set train.requirements in ml-cicd.yaml to the file the project has and run ml-cicd add workflow again.`,
    );
    // train.yml, report.yml's two jobs and release.yml train; retrain.yml installs it itself.
    expect(found.map((line) => line.split(':')[0])).toEqual([
      '.github/workflows/release.yml',
      '.github/workflows/report.yml',
      '.github/workflows/report.yml',
      '.github/workflows/retrain.yml',
      '.github/workflows/train.yml',
    ]);
  });

  it('reports a literal -r file of a uv pip install line', async () => {
    const dir = await project();
    rmSync(join(dir, 'requirements-dev.txt'));
    const found = (await printed(dir)).filter((line) => line.includes('[requirements-exist]'));
    expect(found).toEqual([
      `${at(dir, checks, 'requirements-dev.txt', 1)}: error [requirements-exist] .github/workflows/checks.yml installs requirements-dev.txt, which does not exist; lock the project's requirements into it with hashes (uv pip compile --generate-hashes <requirements.in or pyproject.toml> -o requirements-dev.txt) or install the file the project has.`,
    ]);
  });

  it('reads a -r "$NAME" file from the step\'s env', async () => {
    const dir = await project();
    edit(
      dir,
      checks,
      '        run: uv pip install --system --require-hashes -r requirements-dev.txt\n',
      '        env:\n          REQUIREMENTS: ci/requirements-dev.txt\n        run: uv pip install --system --require-hashes -r "$REQUIREMENTS"\n',
    );
    const found = (await printed(dir)).filter((line) => line.includes('[requirements-exist]'));
    expect(found).toEqual([
      `${at(dir, checks, '$REQUIREMENTS')}: error [requirements-exist] .github/workflows/checks.yml installs ci/requirements-dev.txt, which does not exist; lock the project's requirements into it with hashes (uv pip compile --generate-hashes <requirements.in or pyproject.toml> -o ci/requirements-dev.txt) or install the file the project has.`,
    ]);
  });

  it('finds nothing in a fresh project, and leaves a path built from a variable to the run', async () => {
    const dir = await project();
    expect(await printed(dir)).toEqual([]);
  });

  it('is turned off by rules: {requirements-exist: off}', async () => {
    const dir = await project();
    edit(dir, train, trainStep, `${trainStep}          requirements: ci/requirements.txt\n`);
    turnOff(dir, 'requirements-exist');
    expect(await printed(dir)).toEqual([]);
  });
});
