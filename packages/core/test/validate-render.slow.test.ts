import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatReport, validateProject } from '@ml-cicd/validators';
import { afterAll, describe, expect, it } from 'vitest';
import { dvcRemoteKinds } from '@ml-cicd/config';
import { answerCombinations, combinationName } from '../src/combinations.js';
import { reachableFromCi } from '../src/features/data-dvc/remotes.js';
import { resolveAnswers } from '../src/options.js';
import { buildProject } from '../src/plan.js';
import { writePlan } from '../src/writer/index.js';
import { repoAssets } from './assets.js';

const root = mkdtempSync(join(tmpdir(), 'ml-cicd-render-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Pedantic zizmor findings we accept, each with the reason (also in docs/guide/security.md). */
const acceptedPedantic: Record<string, string> = {};

describe.each(answerCombinations().map((answers) => [combinationName(answers), answers] as const))(
  'the rendered workflows of %s',
  (label, answers) => {
    it('pass GitHub’s parser, actionlint, zizmor and check-jsonschema with zero findings', async () => {
      const dir = join(root, label.replace(/\W+/g, '-'));
      await writePlan(buildProject(answers, repoAssets).files, dir);
      const report = await validateProject(dir);
      expect(formatReport(report.findings)).toBe('');
      const unexplained = report.pedantic.filter(
        (finding) => !acceptedPedantic[finding.rule ?? ''],
      );
      expect(formatReport(unexplained)).toBe('');
    });
  },
);

// Releasing publishes the model to the DVC remote, so every remote is checked with a release.
describe.each(dvcRemoteKinds)('a release to a DVC remote of kind %s', (dvcRemote) => {
  it('passes GitHub’s parser, actionlint, zizmor and check-jsonschema with zero findings', async () => {
    const answers = resolveAnswers(
      { name: 'demo-project', data: 'dvc', dvcRemote, release: 'on' },
      root,
    );
    const dir = join(root, `release-to-${dvcRemote}`);
    const { files } = buildProject(answers, repoAssets);
    // A remote CI cannot reach (a local folder) gets the GitHub release alone.
    const pushes = files.get('.github/workflows/release.yml')?.includes('dvc push');
    expect(pushes).toBe(reachableFromCi(dvcRemote));
    await writePlan(files, dir);
    const report = await validateProject(dir);
    expect(formatReport(report.findings)).toBe('');
    expect(formatReport(report.pedantic)).toBe('');
  });
});
