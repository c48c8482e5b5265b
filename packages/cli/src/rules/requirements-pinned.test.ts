import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, read, turnOff, write } from '../../test/fixtures.js';

const file = 'requirements.txt';
const lock = 'uv pip compile --generate-hashes requirements.in -o requirements.txt';

/** The joblib entry of the lock: its pin and hash lines. */
function joblib(dir: string): string {
  const text = read(dir, file);
  const start = text.indexOf('joblib==');
  return text.slice(start, text.indexOf('    # via', start));
}

describe('requirements-pinned', () => {
  it('reports a requirement that is not pinned to one version, at its line', async () => {
    const dir = await project();
    edit(dir, file, 'joblib==1.6.0 \\\n', 'joblib>=1.6 \\\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, file, 'joblib>=')}: error [requirements-pinned] joblib is not pinned to one version ("joblib>=1.6"); lock the file with exact versions and hashes (${lock}).`,
    ]);
  });

  it('reports a pinned requirement without hashes', async () => {
    const dir = await project();
    edit(dir, file, joblib(dir), 'joblib==1.6.0\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, file, 'joblib==')}: error [requirements-pinned] joblib==1.6.0 has no --hash, so pip cannot check what it downloads; lock the file with hashes (${lock}).`,
    ]);
  });

  it('reports an editable requirement, and reads every requirements*.txt', async () => {
    const dir = await project();
    write(dir, 'requirements-extra.txt', '# local package\n-e .\n');
    expect(await printed(dir)).toEqual([
      'requirements-extra.txt:2:1: error [requirements-pinned] -e . is an editable requirement, which cannot be hashed; install the project another way and lock the file with hashes (uv pip compile --generate-hashes requirements-extra.in -o requirements-extra.txt).',
    ]);
  });

  it('accepts options, markers, extras and hashes on continuation lines', async () => {
    const dir = await project();
    write(
      dir,
      'requirements-extra.txt',
      '--index-url https://pypi.org/simple\n-r requirements.txt\nuvicorn[standard]==0.30.0 ; python_version >= "3.10" \\\n    --hash=sha256:abc\n',
    );
    expect(await printed(dir)).toEqual([]);
  });

  it('is turned off by rules: {requirements-pinned: off}', async () => {
    const dir = await project();
    edit(dir, file, 'joblib==1.6.0 \\\n', 'joblib>=1.6 \\\n');
    turnOff(dir, 'requirements-pinned');
    expect(await printed(dir)).toEqual([]);
  });
});
