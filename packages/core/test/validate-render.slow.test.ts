import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatReport, validateProject } from '@ml-cicd/validators';
import { afterAll, describe, expect, it } from 'vitest';
import type { Answers } from '../src/answers.js';
import { answerCombinations, combinationName } from '../src/combinations.js';
import { dvcRemoteKinds, pushesInCi } from '../src/dvc-remotes.js';
import { resolveAnswers } from '../src/options.js';
import { buildProject } from '../src/plan.js';
import { writePlan } from '../src/writer/index.js';
import { repoAssets } from './assets.js';

const root = mkdtempSync(join(tmpdir(), 'ml-cicd-render-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Pedantic zizmor findings we accept, each with the reason (also in docs/guide/security.md). */
const acceptedPedantic: Record<string, string> = {};

/**
 * The audits zizmor's auditor persona adds that flag a choice the team makes on purpose, and the
 * answers that make each expected (docs/guide/security.md explains both); no other may appear.
 */
const auditorByDesign: Record<string, (answers: Answers) => boolean> = {
  'self-hosted-runner': (answers) => answers.runner === 'self-hosted',
  'secrets-outside-env': (answers) => answers.secretsScope === 'repo',
};
/** The combinations each auditor audit appeared in. */
const auditorSeen = new Map<string, Set<string>>();
const combinations = answerCombinations();

describe.each(combinations.map((answers) => [combinationName(answers), answers] as const))(
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
      const unexpected = report.auditor.filter(
        (finding) => !auditorByDesign[finding.rule ?? '']?.(answers),
      );
      expect(formatReport(unexpected)).toBe('');
      for (const finding of report.auditor) {
        auditorSeen.set(finding.rule!, (auditorSeen.get(finding.rule!) ?? new Set()).add(label));
      }
    });
  },
);

describe('the security guide', () => {
  it('gives the counts of combinations with each auditor-persona audit that this sweep measures', () => {
    const guide = readFileSync(
      join(import.meta.dirname, '../../../docs/guide/security.md'),
      'utf8',
    ).replace(/\s+/g, ' ');
    const counts = (rule: string) => auditorSeen.get(rule)?.size ?? 0;
    expect(guide).toContain(
      `measured over all ${combinations.length} rendered combinations of options: ${counts('self-hosted-runner')} combinations with \`self-hosted-runner\`, ${counts('secrets-outside-env')} with \`secrets-outside-env\`, nothing else`,
    );
  });
});

// Releasing publishes the model to the DVC remote, so every remote is checked with a release.
describe.each(dvcRemoteKinds)('a release to a DVC remote of kind %s', (dvcRemote) => {
  it('passes GitHub’s parser, actionlint, zizmor and check-jsonschema with zero findings', async () => {
    const answers = resolveAnswers(
      { name: 'demo-project', data: 'dvc', dvcRemote, release: 'on' },
      root,
    );
    const dir = join(root, `release-to-${dvcRemote}`);
    const { files } = buildProject(answers, repoAssets);
    // A remote CI cannot write (a local folder, a read-only server) gets the GitHub release alone.
    const pushes = files.get('.github/workflows/release.yml')?.includes('dvc push');
    expect(pushes).toBe(pushesInCi(dvcRemote));
    await writePlan(files, dir);
    const report = await validateProject(dir);
    expect(formatReport(report.findings)).toBe('');
    expect(formatReport(report.pedantic)).toBe('');
  });
});
