import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatReport, validateProject } from '@ml-cicd/validators';
import { afterAll, describe, expect, it } from 'vitest';
import { answerCombinations, combinationName } from '../src/combinations.js';
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
