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

  it('reports a pip-compile file without hashes once, naming the file', async () => {
    const dir = await project();
    const names = ['numpy', 'pandas', 'scipy', 'torch', 'tqdm'];
    const compiled = names.map((name) => `${name}==1.0.0\n    # via -r requirements-gpu.in\n`);
    write(dir, 'requirements-gpu.txt', `# pip-compile requirements-gpu.in\n${compiled.join('')}`);
    expect(await printed(dir)).toEqual([
      'requirements-gpu.txt:2:1: error [requirements-pinned] all 5 requirements of requirements-gpu.txt have no --hash (numpy, pandas, scipy, …), so pip cannot check what it downloads; lock the file with hashes (uv pip compile --generate-hashes requirements-gpu.in -o requirements-gpu.txt).',
    ]);
  });

  it('reports an unpinned list once per file, and an unhashed pin beside it on its own', async () => {
    const dir = await project();
    write(dir, 'requirements-extra.txt', 'numpy\nrich>=13\ntyper==0.12.0\n');
    expect(await printed(dir)).toEqual([
      'requirements-extra.txt:1:1: error [requirements-pinned] 2 of the 3 requirements of requirements-extra.txt are not pinned to one version (numpy, rich); lock the file with exact versions and hashes (uv pip compile --generate-hashes requirements-extra.in -o requirements-extra.txt).',
      'requirements-extra.txt:3:1: error [requirements-pinned] typer==0.12.0 has no --hash, so pip cannot check what it downloads; lock the file with hashes (uv pip compile --generate-hashes requirements-extra.in -o requirements-extra.txt).',
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
