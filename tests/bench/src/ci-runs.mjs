// The generated CI, run: the default project's ci.yml on a push, with tests/workflows' harness (act
// in host mode, this project's stand-ins, the recording API), once with an empty uv cache and once
// more with the cache the first run left. Step times are act's own, read from its JSON log.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { summarize } from './time.mjs';

const harness = (file) => tsImport(`@ml-cicd/workflow-runs/src/${file}.ts`, import.meta.url);

const CHECKS = 'Lint and test';

/** The checks job's steps, by the part of the job they belong to. */
const parts = {
  setup: ['Check out the repository', 'Set up Python'],
  install: ['Set up uv', 'Install the pinned development requirements'],
  validate: ['Validate the ML CI'],
  lint: ['Lint', 'Check formatting'],
  test: ['Test'],
};

/**
 * Seconds per part and for the whole job (every Main step). A part whose steps did not all pass is
 * null, and `failed` names the step that failed.
 */
function split(checks) {
  const known = Object.values(parts).flat();
  const unknown = checks.steps.filter((s) => s.seconds > 0 && !known.includes(s.name));
  if (unknown.length > 0)
    throw new Error(
      `the checks job has steps the bench does not know: ${unknown.map((s) => s.name).join(', ')}; add them to tests/bench/src/ci-runs.mjs.`,
    );
  const sample = Object.fromEntries(
    Object.entries(parts).map(([part, names]) => {
      const steps = checks.steps.filter((s) => names.includes(s.name));
      const passed = steps.length === names.length && steps.every((s) => s.result === 'success');
      return [part, passed ? steps.reduce((sum, s) => sum + s.seconds, 0) : null];
    }),
  );
  const failed = checks.steps.find((step) => step.result === 'failure');
  sample.job = failed ? null : checks.steps.reduce((sum, s) => sum + s.seconds, 0);
  return failed ? { ...sample, failed: failed.name } : sample;
}

export async function benchCi({ runs, progress }) {
  const [{ runAct, job, tail }, { startApiServer }, { ensureNode24 }, { defaultProject }] =
    await Promise.all(['act', 'api-server', 'node24', 'project'].map(harness));
  const { pushEvent } = await harness('events');
  const { suiteParent } = await harness('paths');
  await ensureNode24();
  const root = mkdtempSync(join(suiteParent, 'ml-cicd-bench-ci-'));
  const store = join(root, 'artifacts');
  mkdirSync(store);
  const api = await startApiServer(store);
  try {
    const project = await defaultProject(root, 'bench');
    const sha = await project.head();
    const samples = { cold: [], warm: [] };
    let runId = 900;
    for (let round = 1; round <= runs; round++) {
      // An empty uv cache for this round's cold run, which its warm run then reuses.
      const suite = { root, apiUrl: api.url, store, uvCache: mkdtempSync(join(root, 'uv-cache-')) };
      for (const cache of ['cold', 'warm']) {
        runId += 1;
        const result = await runAct(suite, {
          project,
          workflow: 'ci.yml',
          event: 'push',
          payload: pushEvent(project, sha),
          runId,
        });
        const sample = { ...split(job(result, CHECKS)), act: result.seconds };
        if (sample.failed)
          progress(`ci.yml ${cache} failed at ${sample.failed}:\n${tail(result.log, 15)}`);
        samples[cache].push(sample);
        progress(
          `ci.yml ${cache} ${round}/${runs}: ${Object.entries(sample)
            .map(
              ([name, value]) =>
                `${name} ${typeof value === 'number' ? `${value.toFixed(1)} s` : value}`,
            )
            .join(', ')}`,
        );
      }
      rmSync(suite.uvCache, { recursive: true, force: true });
    }
    return analyseCi(samples);
  } finally {
    await api.close();
    rmSync(root, { recursive: true, force: true });
  }
}

const figures = ['setup', 'install', 'validate', 'lint', 'test', 'job', 'act'];

/** Medians per part over the runs that measured it; the targets only when every run passed. */
function analyseCi(samples) {
  const stats = {};
  for (const [cache, list] of Object.entries(samples)) {
    stats[cache] = Object.fromEntries(
      figures.map((name) => {
        const values = list.map((s) => s[name]).filter((value) => typeof value === 'number');
        return [name, values.length > 0 ? summarize(values).median : null];
      }),
    );
  }
  const failures = Object.values(samples)
    .flat()
    .filter((s) => s.failed);
  if (failures.length > 0) return { samples, stats, targets: [] };
  const overhead = (s) => s.install + s.validate + s.lint;
  const { cold, warm } = stats;
  const targets = [
    {
      target: 'cold: install + validate + lint ≤ test',
      figure: `${overhead(cold).toFixed(1)} s vs ${cold.test.toFixed(1)} s`,
      holds: overhead(cold) <= cold.test,
    },
    {
      target: 'warm: install + validate + lint ≤ ¼ of the job',
      figure: `${overhead(warm).toFixed(1)} s vs ${(warm.job / 4).toFixed(1)} s (job ${warm.job.toFixed(1)} s)`,
      holds: overhead(warm) <= warm.job / 4,
    },
  ];
  return { samples, stats, targets };
}

export function renderCi({ samples, stats, targets }) {
  const n = samples.cold.length;
  const lines = [
    `The generated CI: ci.yml's checks job of the default project on a push, with act (tests/workflows); medians of ${n} run${n === 1 ? '' : 's'} each`,
    `  ${''.padEnd(24)}${['setup', 'install', 'validate', 'lint', 'test', 'job', 'act run'].map((h) => h.padStart(10)).join('')}`,
  ];
  for (const [cache, label] of [
    ['cold', 'cold (empty uv cache)'],
    ['warm', 'warm (its second run)'],
  ]) {
    const cells = figures.map((name) => {
      const value = stats[cache][name];
      return (value === null ? '—' : `${value.toFixed(1)} s`).padStart(10);
    });
    lines.push(`  ${label.padEnd(24)}${cells.join('')}`);
  }
  lines.push(
    '  setup: checkout and setup-python; install: setup-uv and uv pip install; lint: ruff check and',
    '  ruff format --check; job: the sum of its steps as act timed them; act run: act from start to exit',
    '',
    'Targets of the generated CI',
  );
  const failures = Object.entries(samples).flatMap(([cache, list]) =>
    list.filter((s) => s.failed).map((s) => `${cache} run failed at ${s.failed}`),
  );
  if (failures.length > 0)
    lines.push(`  not measured: ${[...new Set(failures)].join('; ')} (— marks what did not pass)`);
  for (const { target, figure, holds } of targets)
    lines.push(`  ${target}: ${figure}  ${holds ? 'holds' : 'MISSES'}`);
  return lines.join('\n');
}
