// Installs the workflow validators into <repo>/.cache: a Python venv with the hashed
// requirements.txt, and actionlint and act (the workflow runner of tests/workflows) built from
// source with Go. Safe to re-run: each step is skipped when its result is already there.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ACTIONLINT_VERSION = '1.7.12';
const ACT_VERSION = '0.2.89';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '..', '..', '.cache');
const venv = join(cache, 'tools-venv');
const bin = join(cache, 'bin');
const requirements = join(here, 'requirements.txt');

function fail(sentence) {
  console.error(`setup:tools: ${sentence}`);
  process.exit(1);
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error) fail(`could not start ${command}: ${result.error.message}.`);
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` exited with ${result.status}.`);
}

function output(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function outputOrFail(command, args, env) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` exited with ${result.status}.`);
  return result.stdout;
}

function requireTool(command, versionArgs, why) {
  if (output(command, versionArgs) === undefined) {
    fail(`${command} was not found on PATH; install it first (${why}).`);
  }
}

function setUpVenv() {
  const python = join(venv, 'bin', 'python');
  if (!existsSync(python)) {
    console.log(`setup:tools: creating the Python venv ${venv}`);
    run('python3', ['-m', 'venv', venv]);
  }
  const stamp = join(venv, '.requirements.sha256');
  const digest = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
    console.log('setup:tools: Python tools are up to date');
    return;
  }
  console.log('setup:tools: installing zizmor, check-jsonschema, shellcheck, pyflakes and uv');
  run(python, [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--require-hashes',
    '--only-binary=:all:',
    '--requirement',
    requirements,
  ]);
  writeFileSync(stamp, digest);
}

function setUpActionlint() {
  const actionlint = join(bin, 'actionlint');
  if (output(actionlint, ['-version'])?.split('\n')[0] === `v${ACTIONLINT_VERSION}`) {
    console.log(`setup:tools: actionlint ${ACTIONLINT_VERSION} is up to date`);
    return;
  }
  console.log(`setup:tools: building actionlint ${ACTIONLINT_VERSION} with go install`);
  mkdirSync(bin, { recursive: true });
  run('go', ['install', `github.com/rhysd/actionlint/cmd/actionlint@v${ACTIONLINT_VERSION}`], {
    ...process.env,
    GOBIN: bin,
    CGO_ENABLED: '0',
  });
}

// act's host mode returns from a failing step before it has copied the step's terminal output,
// so the message a failing step prints (the one the tests assert) is lost at random. act is built
// from its module source with that early return removed: a failing step's output is read to the
// end, like a passing step's, before the failure is reported.
const ACT_OUTPUT_FIX = {
  file: join('pkg', 'container', 'host_environment.go'),
  before: '\terr = cmd.Run()\n\tif err != nil {\n\t\treturn err\n\t}\n\tif tty != nil {',
  after: '\terr = cmd.Run()\n\tif tty != nil {',
};

function setUpAct() {
  const act = join(bin, 'act');
  const stamp = join(bin, 'act.build');
  const build = `${ACT_VERSION} ${createHash('sha256').update(JSON.stringify(ACT_OUTPUT_FIX)).digest('hex')}`;
  if (existsSync(act) && existsSync(stamp) && readFileSync(stamp, 'utf8') === build) {
    console.log(`setup:tools: act ${ACT_VERSION} is up to date`);
    return;
  }
  console.log(
    `setup:tools: building act ${ACT_VERSION} from its module source, with the output fix`,
  );
  const goEnv = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' };
  const module = JSON.parse(
    outputOrFail(
      'go',
      ['mod', 'download', '-json', `github.com/nektos/act@v${ACT_VERSION}`],
      goEnv,
    ),
  );
  const source = join(cache, 'act-source');
  rmSync(source, { recursive: true, force: true });
  cpSync(module.Dir, source, { recursive: true });
  // The module cache is read-only; the copy is ours to edit and to remove on the next build.
  run('chmod', ['-R', 'u+w', source]);
  const file = join(source, ACT_OUTPUT_FIX.file);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(ACT_OUTPUT_FIX.before)) {
    fail(
      `act ${ACT_VERSION}'s ${ACT_OUTPUT_FIX.file} no longer has the code the output fix edits.`,
    );
  }
  writeFileSync(file, text.replace(ACT_OUTPUT_FIX.before, ACT_OUTPUT_FIX.after));
  mkdirSync(bin, { recursive: true });
  run('go', ['build', '-C', source, '-o', act, '.'], goEnv);
  writeFileSync(stamp, build);
}

requireTool('python3', ['--version'], 'the validators run in a Python 3.11+ venv');
requireTool('go', ['version'], 'actionlint and act are built from source with Go');
const pythonOk = output('python3', ['-c', 'import sys; print(sys.version_info >= (3, 11))']);
if (pythonOk !== 'True') fail('python3 is older than 3.11, which check-jsonschema needs.');
setUpVenv();
setUpActionlint();
setUpAct();
console.log('setup:tools: done');
