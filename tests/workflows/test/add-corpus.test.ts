/**
 * `ml-cicd add workflow` on the corpus of tests/add-corpus, as a team would run it in its own
 * repository: add exits 0 and validate passes, then the added workflows run green with small
 * inputs; or add exits 1 naming what to change, having written nothing. A second add changes
 * nothing, and the team's own files stay byte-identical unless add was asked to merge or rewrite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runAct, summary, tail, type ActResult } from '../src/act.js';
import {
  copyFixture,
  corpusCases,
  filesOf,
  keepsLines,
  mlCicd,
  uploadedMetrics,
  type CorpusCase,
} from '../src/add-corpus.js';
import { pushEvent } from '../src/events.js';
import { run, type RunResult } from '@ml-cicd/e2e/exec';
import { committedProject, type Project } from '../src/project.js';
import { dispatchTrain, suite } from '../src/suite.js';

const firstRunId = 15_000;

function said(result: RunResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

async function gitStatus(dir: string): Promise<string> {
  return (await run('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir }))
    .stdout;
}

/** The steps that failed, the errors they printed or annotated, then the log's end. */
function failures(result: ActResult): string {
  const steps = result.jobs.flatMap((each) => each.steps.filter((s) => s.result === 'failure'));
  const printed = steps.flatMap((step) =>
    step.output.split('\n').filter((line) => /\berror\b/i.test(line)),
  );
  const annotated = result.log.split('\n').filter((line) => line.includes('::error'));
  const errors = [...new Set([...annotated, ...printed].map((line) => line.trim()))];
  return `failed steps: ${steps.map((s) => s.name).join(', ')}; ${errors.join(' / ')}\n${tail(result.log)}`;
}

function expectAllGreen(result: ActResult) {
  const jobs = summary(result);
  expect(Object.keys(jobs).length, tail(result.log)).toBeGreaterThan(0);
  expect(jobs, failures(result)).toEqual(
    Object.fromEntries(Object.keys(jobs).map((name) => [name, 'success'])),
  );
  expect(result.code).toBe(0);
}

function describeCase(corpusCase: CorpusCase, index: number) {
  const adds = corpusCase.add.filter((step) => !step.refused);
  const addsTest = adds.some((step) => step.args[1] === 'test');
  const runs = corpusCase.expect === 'green';
  const owner = `corpus-${corpusCase.name}`;
  let project: Project | undefined;
  let added = false;
  let validated = false;

  const ready = () => {
    if (!project || !added)
      throw new Error(`the add commands did not do as expected on ${corpusCase.name}.`);
    return project;
  };

  describe(`${corpusCase.name} (${corpusCase.patterns.join(', ')})`, () => {
    it('add', async () => {
      project = await committedProject(
        join(suite().root, owner),
        owner,
        corpusCase.name,
        async (dir) => copyFixture(corpusCase.name, dir),
      );
      const before = filesOf(project.dir);
      for (const step of corpusCase.add) {
        const statusBefore = await gitStatus(project.dir);
        const result = await mlCicd(suite().root, project.dir, ['add', ...step.args]);
        const command = `ml-cicd add ${step.args.join(' ')}`;
        if (step.refused) {
          expect(result.code, `${command} should refuse:\n${said(result)}`).toBe(1);
          expect(said(result)).toContain(step.refused);
          expect(await gitStatus(project.dir), `${command} refused but wrote files`).toBe(
            statusBefore,
          );
        } else {
          expect(result.code, `${command}:\n${said(result)}`).toBe(0);
        }
      }
      // The later steps need the commands to have done as expected; the files are checked below.
      added = true;
      const after = filesOf(project.dir);
      const merged = new Set(corpusCase['kept-lines'] ?? []);
      const rewritten = new Set(corpusCase['may-change'] ?? []);
      for (const [path, bytes] of before) {
        if (rewritten.has(path)) continue;
        if (merged.has(path)) {
          expect(
            keepsLines(bytes.toString(), after.get(path)?.toString() ?? ''),
            `add rewrote lines of the team's ${path}:\n${after.get(path)?.toString()}`,
          ).toBe(true);
          continue;
        }
        expect(after.get(path)?.equals(bytes), `add changed the team's ${path}`).toBe(true);
      }
    });

    const checkParams = () => {
      const config = parse(readFileSync(join(ready().dir, 'ml-cicd.yaml'), 'utf8')) as {
        params?: Record<string, unknown>;
      };
      expect(Object.keys(config.params ?? {})).toEqual(expect.arrayContaining(corpusCase.params!));
    };
    if (corpusCase.params && corpusCase.gap) {
      it.fails(`params (not yet: ${corpusCase.gap})`, checkParams);
    } else if (corpusCase.params) {
      it('params', checkParams);
    }

    it.skipIf(corpusCase.expect === 'refused')('validate', async () => {
      const dir = ready().dir;
      const result = await mlCicd(suite().root, dir, ['validate']);
      expect(result.code, said(result)).toBe(0);
      validated = true;
    });

    it.skipIf(corpusCase.expect === 'refused')('second add', async () => {
      const committed = ready();
      await committed.commit('Add the ML CI', () => {});
      for (const step of adds) {
        const result = await mlCicd(suite().root, committed.dir, ['add', ...step.args]);
        expect(result.code, said(result)).toBe(0);
      }
      expect(await gitStatus(committed.dir), 'a second add changed the repository').toBe('');
    });

    it.skipIf(corpusCase.expect === 'refused')('update after add', async () => {
      const committed = ready();
      if (await gitStatus(committed.dir)) await committed.commit('Add the ML CI', () => {});
      const result = await mlCicd(suite().root, committed.dir, ['update']);
      expect(result.code, said(result)).toBe(0);
      expect(result.stdout).toMatch(/^Already at ml-cicd /);
      expect(await gitStatus(committed.dir), 'update after add changed the repository').toBe('');
    });

    it.skipIf(!runs)('train.yml', async () => {
      const committed = ready();
      if (!validated) throw new Error('validate failed, so the workflows are not run.');
      const runId = firstRunId + index * 10 + 1;
      const result = await dispatchTrain(committed, corpusCase.train?.inputs ?? {}, { runId });
      expectAllGreen(result);
      const expected = corpusCase.metrics!;
      const metrics = uploadedMetrics(suite().store, runId, expected.file) as
        Record<string, unknown> | undefined;
      expect(metrics, `run ${runId} uploaded no ${expected.file}`).toBeDefined();
      expect(Object.keys(metrics!)).toEqual(
        expect.arrayContaining([...(expected.keys ?? []), ...Object.keys(expected.values ?? {})]),
      );
      expect(metrics).toMatchObject(expected.values ?? {});
    });

    it.skipIf(!runs || !addsTest)(corpusCase.ci ?? 'ci.yml', async () => {
      const committed = ready();
      if (!validated) throw new Error('validate failed, so the workflows are not run.');
      const result = await runAct(suite(), {
        project: committed,
        workflow: corpusCase.ci ?? 'ci.yml',
        event: 'push',
        payload: pushEvent(committed, await committed.head()),
        runId: firstRunId + index * 10 + 2,
      });
      expectAllGreen(result);
    });
  });
}

describe('ml-cicd add workflow on the corpus', () => {
  const cases = corpusCases();
  it('has at least 15 repositories', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });
  cases.forEach(describeCase);
});
