// Per tracker: the generated project's install (pip and uv, warm caches), tests and training run,
// so the cost of each tracker's packages and real tests shows beside the others.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { schemaKinds } from '@ml-cicd/core';
import { benchPython } from './python.mjs';
import { summarize } from './time.mjs';

/** The values of `tracker.kind`; `none` is the project without a remote tracker. */
export const trackers = schemaKinds().tracker.map(({ value }) => value);

export async function benchTrackers(bin, { root, runs, progress, onRound }) {
  const results = {};
  for (const tracker of trackers) {
    progress(`--tracker ${tracker}`);
    const folder = join(root, `tracker-${tracker}`);
    await mkdir(folder);
    const measured = await benchPython(bin, {
      root: folder,
      runs,
      progress,
      onRound,
      flags: ['--tracker', tracker],
    });
    const stats = Object.entries(measured.samples ?? {}).map(([step, list]) => [
      step,
      summarize(list),
    ]);
    results[tracker] = { ...measured, stats: Object.fromEntries(stats) };
  }
  return results;
}

const seconds = (stats) => (stats ? `${(stats.median / 1000).toFixed(1)} s` : 'skipped');

/** One row per tracker: the median of each step. */
export function renderTrackers(results, runs) {
  const steps = ['pip', 'uv', 'pytest', 'train'];
  const rows = [
    ['--tracker', 'pip install', 'uv pip install', 'pytest -q', 'python train.py'],
    ...Object.entries(results).map(([tracker, { stats }]) => [
      tracker,
      ...steps.map((step) => seconds(stats[step])),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return [
    `Per tracker: medians of ${runs} run(s), requirements-dev.txt with --require-hashes into a fresh venv, warm caches`,
    ...rows.map(
      (row) =>
        `  ${row.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ')}`,
    ),
  ].join('\n');
}
