// cookiecutter-data-science 2.3 (`ccds`): what a Python ML user would otherwise run to start a
// project. It is installed from the hashed ccds/requirements.txt into a venv kept in .cache/; its
// template is not on PyPI, so the bench takes a local copy of it (--ccds-template).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './pack.mjs';
import { run } from './time.mjs';

const requirements = fileURLToPath(new URL('../ccds/requirements.txt', import.meta.url));
const venv = fileURLToPath(new URL('../.cache/ccds-venv/', import.meta.url));

export const ccdsTemplateHint =
  'git clone --branch v2.3.0 https://github.com/drivendataorg/cookiecutter-data-science, then --ccds-template <that folder>';

/** The venv's `ccds`, installed (again) when ccds/requirements.txt changed. */
export async function installCcds(progress) {
  const bin = join(venv, 'bin', 'ccds');
  const stamp = join(venv, '.requirements.sha256');
  const digest = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (existsSync(bin) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return bin;
  progress('installing cookiecutter-data-science 2.3.0 into tests/bench/.cache/ccds-venv');
  const env = { ...cleanEnv(), PIP_DISABLE_PIP_VERSION_CHECK: '1' };
  await run(process.env.PYTHON ?? 'python3', ['-m', 'venv', '--clear', venv], { env });
  await run(
    join(venv, 'bin', 'pip'),
    ['install', '--quiet', '--require-hashes', '-r', requirements],
    {
      env,
    },
  );
  writeFileSync(stamp, digest);
  return bin;
}

/** Refuses a folder that is not the ccds template, before anything is timed. */
export function checkCcdsTemplate(dir) {
  if (
    !existsSync(join(dir, 'ccds.json')) ||
    !existsSync(join(dir, '{{ cookiecutter.repo_name }}'))
  ) {
    throw new RangeError(
      `--ccds-template ${dir} is not a copy of cookiecutter-data-science (no ccds.json and {{ cookiecutter.repo_name }} in it): ${ccdsTemplateHint}.`,
    );
  }
}
