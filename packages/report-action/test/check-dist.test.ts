import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsdown';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const fresh = mkdtempSync(join(tmpdir(), 'report-action-dist-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

/** dist/ as committed (the git index, so a staged rebuild passes before its commit). */
function committed(): Map<string, string> {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  const paths = git('ls-files', 'dist').split('\n').filter(Boolean);
  return new Map(paths.map((path) => [path.replace(/^dist\//, ''), git('show', `:./${path}`)]));
}

describe('check-dist', () => {
  it('the committed dist/ is what the sources build (run pnpm build and commit dist/)', async () => {
    await build({ cwd: root, outDir: fresh, logLevel: 'silent' });
    const built = new Map(
      readdirSync(fresh).map((name) => [name, readFileSync(join(fresh, name), 'utf8')]),
    );
    const inGit = committed();
    expect([...inGit.keys()].sort()).toEqual([...built.keys()].sort());
    for (const [name, text] of built) {
      expect(inGit.get(name) === text, `dist/${name} differs from a fresh build`).toBe(true);
    }
  });
});
