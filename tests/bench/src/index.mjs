// `pnpm bench`: create-ml-cicd against create-vite, measured in one run on this machine.
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildOurs,
  droppedVariables,
  installTarball,
  npmEnv,
  packOurs,
  packPeer,
  writeNpmrc,
} from './pack.mjs';
import { ccdsTemplateHint, checkCcdsTemplate, installCcds } from './ccds.mjs';
import { benchCi, renderCi } from './ci-runs.mjs';
import { benchPython } from './python.mjs';
import { analyse, progress, render, writeJson } from './report.mjs';
import { coldScaffold, snapshotProject, warmScaffold } from './scaffold.mjs';
import { benchTrackers, renderTrackers } from './trackers.mjs';
import { benchValidate, renderValidate } from './validate.mjs';
import { run } from './time.mjs';

const usage = `Usage: pnpm bench [--iterations 15] [--cold-iterations 5] [--python-runs 3]
                  [--warmup 2] [--no-build] [--skip-python] [--trackers] [--validate-runs 5]
                  [--ci-runs 1] [--ccds-template DIR]

  --iterations N       scaffold runs per tool from the installed tarball
  --cold-iterations N  install + scaffold runs per tool from an empty npm cache
  --python-runs N      runs of each step of the generated project
  --warmup N           untimed rounds before the scaffold runs
  --no-build           pack packages/create-ml-cicd/dist as it is
  --skip-python        leave out the generated project's pip, uv, pytest and train steps
  --trackers           also time those steps for each --tracker (--python-runs each; minutes)
  --validate-runs N    runs of ml-cicd validate and actionlint on 100 workflows (0: none)
  --ci-runs N          cold and warm act runs of the generated ci.yml (0: none; needs act)
  --ccds-template DIR  a copy of cookiecutter-data-science 2.3.0, to time ccds with it too
                       (${ccdsTemplateHint})
`;

function options(argv) {
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      iterations: { type: 'string', default: '15' },
      'cold-iterations': { type: 'string', default: '5' },
      'python-runs': { type: 'string', default: '3' },
      warmup: { type: 'string', default: '2' },
      'no-build': { type: 'boolean', default: false },
      'skip-python': { type: 'boolean', default: false },
      trackers: { type: 'boolean', default: false },
      'validate-runs': { type: 'string', default: '5' },
      'ci-runs': { type: 'string', default: '1' },
      'ccds-template': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const count = (name, min) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) {
      throw new RangeError(
        `--${name} must be a whole number of at least ${min}, not ${values[name]}.`,
      );
    }
    return value;
  };
  const ccdsTemplate = values['ccds-template'] && resolve(values['ccds-template']);
  if (ccdsTemplate) checkCcdsTemplate(ccdsTemplate);
  return {
    help: values.help,
    iterations: count('iterations', 1),
    coldIterations: count('cold-iterations', 1),
    pythonRuns: count('python-runs', 1),
    warmup: count('warmup', 0),
    build: !values['no-build'],
    python: !values['skip-python'],
    trackers: values.trackers,
    validateRuns: count('validate-runs', 0),
    ciRuns: count('ci-runs', 0),
    ccdsTemplate,
  };
}

const roundLine = (label, total) => (round, timings) =>
  progress(
    `${label} ${round}/${total}: ${Object.entries(timings)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`)
      .join(', ')}`,
  );

async function bench(opts, root) {
  const loadBefore = loadavg()[0];
  const npmrc = await writeNpmrc(root);
  const env = npmEnv(npmrc, join(root, 'npm-cache'));
  if (opts.build) {
    progress('building create-ml-cicd (pnpm --filter create-ml-cicd... build)');
    await buildOurs();
  }
  progress('packing both tools');
  const packs = { ours: await packOurs(root, env), peer: await packPeer(root, env) };
  progress('installing each tarball into its own prefix');
  const installed = {};
  for (const tool of ['ours', 'peer']) {
    const prefix = join(root, `prefix-${tool}`);
    await mkdir(prefix);
    installed[tool] = await installTarball(packs[tool], prefix, env);
  }

  const ccds = opts.ccdsTemplate && {
    bin: await installCcds(progress),
    template: opts.ccdsTemplate,
  };
  const snapshot = await snapshotProject(installed, root);
  progress(`scaffolding from the installed tarballs, ${opts.warmup} warm-up rounds`);
  const scaffold = await warmScaffold(installed, snapshot, {
    root,
    iterations: opts.iterations,
    warmup: opts.warmup,
    onRound: roundLine('scaffold', opts.iterations),
    ccds,
  });
  progress('installing and scaffolding from an empty npm cache');
  const cold = await coldScaffold(packs, npmrc, {
    root,
    iterations: opts.coldIterations,
    warmup: 1,
    onRound: roundLine('empty cache', opts.coldIterations),
  });
  const python = opts.python
    ? await benchPython(installed.ours.bin, {
        root,
        runs: opts.pythonRuns,
        progress,
        onRound: roundLine('project', opts.pythonRuns),
      })
    : { skipped: { all: '--skip-python' } };
  const trackers = opts.trackers
    ? await benchTrackers(installed.ours.bin, {
        root,
        runs: opts.pythonRuns,
        progress,
        onRound: roundLine('project', opts.pythonRuns),
      })
    : undefined;
  const validate =
    opts.validateRuns > 0
      ? await benchValidate(installed.ours.bin, {
          root: await mkdtemp(join(root, 'validate-')),
          runs: opts.validateRuns,
          build: opts.build,
          progress,
          onRound: roundLine('validate', opts.validateRuns),
        })
      : undefined;
  if (opts.ciRuns > 0) progress(`the generated ci.yml with act, ${opts.ciRuns} cold and warm runs`);
  const ci = opts.ciRuns > 0 ? await benchCi({ runs: opts.ciRuns, progress }) : undefined;

  const tools = {};
  for (const tool of ['ours', 'peer']) {
    const { tarball, ...facts } = packs[tool];
    const { bin, ...install } = installed[tool];
    tools[tool] = { ...facts, ...install };
  }
  const npm = (await run('npm', ['--version'], { env })).stdout.trim();
  return {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      platform: `${process.platform} ${process.arch}`,
      node: process.version,
      npm,
      // One-minute load averages at the start and end: above the cpu count, samples competed.
      loadAverage: [loadBefore, loadavg()[0]].map((load) => Math.round(load * 100) / 100),
      unsetForMeasuredCommands: droppedVariables,
    },
    tools,
    scaffold: { samples: scaffold, projectFiles: snapshot.count },
    cold: { samples: cold },
    python,
    trackers,
    validate,
    ci,
  };
}

async function main() {
  const opts = options(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write(usage);
    return;
  }
  const started = Date.now();
  const root = await mkdtemp(join(tmpdir(), 'ml-cicd-bench-'));
  // Its venvs hold hundreds of megabytes: not to be left behind by a Ctrl-C either.
  const interrupted = () => {
    rmSync(root, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  let measured;
  try {
    measured = await bench(opts, root);
  } finally {
    process.off('SIGINT', interrupted);
    await rm(root, { recursive: true, force: true });
  }
  const { help, ...recorded } = opts;
  const results = analyse({
    date: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    options: recorded,
    ...measured,
  });
  const file = fileURLToPath(new URL('../results/latest.json', import.meta.url));
  await writeJson(file, results);
  process.stdout.write(
    `${render(results)}\n${results.trackers ? `\n${renderTrackers(results.trackers, opts.pythonRuns)}\n` : ''}${results.validate ? `\n${renderValidate(results.validate)}\n` : ''}${results.ci ? `\n${renderCi(results.ci)}\n` : ''}\nThe bench took ${results.seconds} s; every sample is in ${file}\n`,
  );
}

main().catch((error) => {
  progress(
    error instanceof RangeError || error.code?.startsWith('ERR_PARSE_ARGS')
      ? `${error.message}\n\n${usage}`
      : error.message,
  );
  process.exitCode = 1;
});
