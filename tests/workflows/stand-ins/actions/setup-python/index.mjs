// A fresh venv per job from a Python of the machine: the job sees `python` of that version first
// on PATH, and pip installs land in the run's own folder.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const append = (file, line) => appendFileSync(process.env[file], `${line}\n`);

function fail(message) {
  process.stdout.write(`::error title=setup-python stand-in::${message}\n`);
  process.exit(1);
}

/** "3.12" matches 3.12.1 and not 3.120; the newest patch wins. */
function findPython(wanted, root) {
  const numbers = (name) => name.split('.').map(Number);
  const found = readdirSync(root)
    .filter((name) => /^\d+(\.\d+)*$/.test(name))
    .filter((name) => name === wanted || name.startsWith(`${wanted}.`))
    .sort((a, b) => {
      const [x, y] = [numbers(a), numbers(b)];
      for (let i = 0; i < Math.max(x.length, y.length); i++) {
        if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0);
      }
      return 0;
    });
  return found[0] && join(root, found[0], 'bin', 'python3');
}

const wanted = input('python-version');
if (!wanted) fail('python-version is empty; the stand-in does not read python-version-file.');
if (input('cache')) fail(`cache: ${input('cache')} is not emulated by the stand-in.`);
const root = process.env.ML_CICD_PYTHON_VERSIONS;
if (!root || !existsSync(root)) fail('ML_CICD_PYTHON_VERSIONS names no folder of Pythons.');
const base = findPython(wanted, root);
if (!base) fail(`no Python ${wanted} under ${root}.`);

const venv = join(process.env.RUNNER_TEMP, `setup-python-${wanted}`);
execFileSync(base, ['-m', 'venv', '--clear', venv], { stdio: 'inherit' });
const python = join(venv, 'bin', 'python');
const version = execFileSync(python, ['-c', 'import platform; print(platform.python_version())'], {
  encoding: 'utf8',
}).trim();

append('GITHUB_PATH', join(venv, 'bin'));
for (const name of ['pythonLocation', 'Python_ROOT_DIR', 'Python3_ROOT_DIR']) {
  append('GITHUB_ENV', `${name}=${venv}`);
}
// The real action's interpreter is found by `uv pip install --system`; a venv is not (uv skips
// venvs under --system), so uv is told which interpreter setup-python gave.
append('GITHUB_ENV', `UV_PYTHON=${python}`);
append('GITHUB_OUTPUT', `python-version=${version}`);
append('GITHUB_OUTPUT', `python-path=${python}`);
append('GITHUB_OUTPUT', 'cache-hit=false');
console.log(`Python ${version} from ${base}, in the venv ${venv}.`);
