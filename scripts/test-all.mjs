// The whole test suite, from a fresh clone: tools, build, types, formatting, unit, render matrix
// and validators, end-to-end runs of generated projects, then their workflows run with act.
// `.ci/run` calls this.
import { run, runCounted, step } from './run.mjs';

const started = Date.now();
step('Install the validators and Python tools (zizmor, actionlint, check-jsonschema, uv)');
run('pnpm', ['setup:tools']);
step('Build every package');
run('pnpm', ['build']);
step('Type-check');
run('pnpm', ['typecheck']);
step('Check formatting');
run('pnpm', ['lint']);
step('Unit, snapshot, render-matrix and validator tests');
const unit = await runCounted('pnpm', ['test']);
step('template/ and the central workflows are what the generator and workflows/ make now');
run('node', ['scripts/template.mjs', '--check']);
run('node', ['scripts/central-workflows.mjs', '--check']);
step(
  'End-to-end: publish to a local registry, npm create, venv, pip --require-hashes, pytest, train',
);
const e2e = await runCounted('pnpm', ['--filter', '@ml-cicd/e2e', 'e2e']);
step('The generated workflows, run with act offline against stand-ins and a recording GitHub API');
const runs = await runCounted('pnpm', ['--filter', '@ml-cicd/workflow-runs', 'runs']);
const seconds = Math.round((Date.now() - started) / 1000);
process.stdout.write(`\n✔ All tests passed in ${seconds} s.\n`);
process.stdout.write(
  `tests: ${unit.passed + e2e.passed + runs.passed} passed, ${unit.failed + e2e.failed + runs.failed} failed\n`,
);
