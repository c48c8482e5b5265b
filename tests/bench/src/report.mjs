// Turns the samples into the figures quoted (medians and ratios), checks them against the
// targets, and prints them as tables.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as prettier from 'prettier';
import { summarize } from './time.mjs';

export function progress(line) {
  process.stderr.write(`bench: ${line}\n`);
}

const statsOf = (samples) =>
  Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, summarize(list)]));

const ratio = (a, b) => Math.round((a / b) * 1000) / 1000;

/** Adds stats, ratios and the targets to the raw results. */
export function analyse(results) {
  const { scaffold, cold, python, tools } = results;
  scaffold.stats = statsOf(scaffold.samples);
  const s = scaffold.stats;
  scaffold.ratio = ratio(s.ours.median, s.peer.median);
  // Each round runs both tools back to back, so the per-round ratio cancels slower drift.
  scaffold.pairedRatio = ratio(
    summarize(scaffold.samples.ours.map((ms, i) => ms / scaffold.samples.peer[i])).median,
    1,
  );
  // What each tool costs beyond starting node: the part its own code decides.
  scaffold.ratioAboveFloor = ratio(s.ours.median - s.floor.median, s.peer.median - s.floor.median);
  // The same files written with nothing else: what no tool generating this project could beat.
  scaffold.bareRatio = ratio(s.bare.median, s.peer.median);
  scaffold.ratioToBare = ratio(s.ours.median, s.bare.median);
  // The bare writer is nearly all file system time, which drifts over a run on a busy disk: the
  // per-round ratio cancels the drift, and the fastest runs show the ratio on a quiet disk.
  scaffold.pairedRatioToBare = ratio(
    summarize(scaffold.samples.ours.map((ms, i) => ms / scaffold.samples.bare[i])).median,
    1,
  );
  scaffold.fastestRatioToBare = ratio(s.ours.min, s.bare.min);
  if (s.ccds) scaffold.ccdsSpeedup = ratio(s.ccds.median, s.ours.median);
  cold.stats = statsOf(cold.samples);
  cold.ratio = ratio(cold.stats.ours.median, cold.stats.peer.median);
  if (python.samples) python.stats = statsOf(python.samples);
  const sizeRatio = ratio(tools.ours.packedBytes, tools.peer.packedBytes);
  results.sizeRatio = {
    packed: sizeRatio,
    unpacked: ratio(tools.ours.unpackedBytes, tools.peer.unpackedBytes),
  };
  results.targets = [
    {
      target: 'scaffold at most 1.6× the bare writer of the same files',
      figure: `${scaffold.ratioToBare.toFixed(2)}× ≤ 1.60×`,
      holds: scaffold.ratioToBare <= 1.6,
    },
    {
      target: 'scaffold at least 4× faster than cookiecutter-data-science 2.3',
      ...(s.ccds
        ? {
            figure: `${scaffold.ccdsSpeedup.toFixed(2)}× ≥ 4.00×`,
            holds: scaffold.ccdsSpeedup >= 4,
          }
        : { figure: 'not measured: run with --ccds-template', holds: undefined }),
    },
    {
      target: 'zero runtime dependencies',
      figure: `${tools.ours.runtimeDependencies.length} declared, ${tools.ours.installedPackages} package installed`,
      holds: tools.ours.runtimeDependencies.length === 0 && tools.ours.installedPackages === 1,
    },
    {
      target: "packed tarball within 3× create-vite's",
      figure: `${sizeRatio.toFixed(2)}× ≤ 3.00×`,
      holds: sizeRatio <= 3,
    },
  ];
  return results;
}

const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (holds) => (holds === undefined ? '' : holds ? 'holds' : 'MISSES');

function table(rows) {
  const widths = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `  ${line}`)
    .join('\n');
}

const runs = (n) => `${n} run${n === 1 ? '' : 's'}`;

const timeRow = (label, stats) => [
  label,
  ms(stats.median),
  ms(stats.p25),
  ms(stats.p75),
  ms(stats.min),
];

export function render(results) {
  const { machine, options, tools, scaffold, cold, python, targets } = results;
  const [ours, peer] = [tools.ours, tools.peer];
  const lines = [
    `${ours.name} ${ours.version} vs ${peer.name} ${peer.version} on ${machine.cpus} cpus (${machine.cpuModel}), node ${machine.node}, npm ${machine.npm}`,
    ...(Math.max(...machine.loadAverage) > machine.cpus
      ? [
          `Load average ${machine.loadAverage.join(' → ')} on ${machine.cpus} cpus: other processes competed, so expect wide p25–p75`,
        ]
      : []),
    ...machine.unsetForMeasuredCommands.map(
      (name) => `${name} is unset for every measured command`,
    ),
    '',
    `Scaffold from the installed tarball (${runs(options.iterations)}, interleaved, after ${options.warmup} warm-up rounds)`,
    table([
      ['', 'median', 'p25', 'p75', 'min'],
      timeRow(ours.name, scaffold.stats.ours),
      timeRow(peer.name, scaffold.stats.peer),
      timeRow(`bare writer: the same ${scaffold.projectFiles} files`, scaffold.stats.bare),
      ...(scaffold.stats.ccds
        ? [timeRow('ccds 2.3.0 (cookiecutter-data-science)', scaffold.stats.ccds)]
        : []),
      timeRow('node -e 0 (floor)', scaffold.stats.floor),
      [
        `ratio ${ours.name} / bare writer`,
        `${scaffold.ratioToBare.toFixed(2)}×`,
        '',
        '',
        '',
        'target ≤ 1.60×',
        verdict(scaffold.ratioToBare <= 1.6),
      ],
      ['  median of the per-round ratios', `${scaffold.pairedRatioToBare.toFixed(2)}×`],
      ['  the fastest run of each', `${scaffold.fastestRatioToBare.toFixed(2)}×`],
      ...(scaffold.ccdsSpeedup
        ? [
            [
              `ratio ccds / ${ours.name}`,
              `${scaffold.ccdsSpeedup.toFixed(2)}×`,
              '',
              '',
              '',
              'target ≥ 4.00×',
              verdict(scaffold.ccdsSpeedup >= 4),
            ],
          ]
        : []),
      [`ratio ${ours.name} / ${peer.name}`, `${scaffold.ratio.toFixed(2)}×`],
      ['  median of the per-round ratios', `${scaffold.pairedRatio.toFixed(2)}×`],
      ['  the same above the floor', `${scaffold.ratioAboveFloor.toFixed(2)}×`],
      [`ratio bare writer / ${peer.name}`, `${scaffold.bareRatio.toFixed(2)}×`],
    ]),
    '',
    `npm exec <tarball> from an empty npm cache: install + scaffold (${runs(options.coldIterations)}, interleaved)`,
    table([
      ['', 'median', 'p25', 'p75', 'min'],
      timeRow(ours.name, cold.stats.ours),
      timeRow(peer.name, cold.stats.peer),
      [`ratio ${ours.name} / ${peer.name}`, `${cold.ratio.toFixed(2)}×`],
    ]),
    '',
    'Size',
    table([
      ['', 'packed', 'unpacked', 'files', 'runtime deps', 'installed packages'],
      ...[ours, peer].map((tool) => [
        tool.name,
        kB(tool.packedBytes),
        kB(tool.unpackedBytes),
        String(tool.files),
        String(tool.runtimeDependencies.length),
        String(tool.installedPackages),
      ]),
      [
        `ratio ${ours.name} / ${peer.name}`,
        `${results.sizeRatio.packed.toFixed(2)}×`,
        `${results.sizeRatio.unpacked.toFixed(2)}×`,
      ],
      [`target for ${ours.name}`, '≤ 3.00×', '', '', '0', '1'],
    ]),
    '',
  ];
  if (python.stats) {
    const labels = {
      pip: 'pip install --require-hashes -r requirements-dev.txt',
      uv: 'uv pip install --require-hashes -r requirements-dev.txt',
      pytest: 'pytest -q',
      train: 'python train.py',
    };
    lines.push(
      `The generated project (python ${python.python}, ${runs(options.pythonRuns)} each, warm caches, fresh venv per install)`,
      table([
        ['', 'median', 'p25', 'p75', 'min'],
        ...Object.entries(python.stats).map(([name, stats]) => timeRow(labels[name], stats)),
      ]),
    );
  }
  for (const [step, why] of Object.entries(python.skipped ?? {})) {
    lines.push(`  skipped ${step === 'all' ? 'the generated project' : step}: ${why}`);
  }
  lines.push(
    '',
    'Targets',
    table(targets.map(({ target, figure, holds }) => [target, figure, verdict(holds)])),
  );
  return lines.join('\n');
}

/** Written prettier-clean so `pnpm lint` stays green after a bench run. */
export async function writeJson(file, results) {
  await mkdir(dirname(file), { recursive: true });
  const options = (await prettier.resolveConfig(file)) ?? {};
  await writeFile(
    file,
    await prettier.format(JSON.stringify(results), { ...options, filepath: file }),
  );
}
