/**
 * Every shell block of the docs is run here (```sh test), in the order a reader meets it, against
 * the packages published to the local registry; or says why it cannot be (```sh manual: …).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shellBlocks, userDocs } from '../src/doc-blocks.js';
import { run } from '../src/exec.js';
import { npmEnv } from '../src/npm-env.js';
import { cacheDir, outsideTempDir, removeTempDir } from '../src/paths.js';
import { step } from '../src/progress.js';

const { session } = inject('e2e');
const blocks = userDocs().flatMap(shellBlocks);

it('tags every shell block of the docs: run by this test, or manual with the reason', () => {
  const untagged = blocks.filter((block) => block.tag === undefined).map((block) => block.where);
  expect(untagged, 'fence them as ```sh test or ```sh manual: <reason>').toEqual([]);
});

const pages = [...new Set(blocks.filter((block) => block.tag === 'test').map((b) => b.file))];

describe.each(pages)('the shell blocks of %s', (file) => {
  let home: string;
  beforeAll(async () => {
    home = await outsideTempDir('docs');
  });
  afterAll(() => removeTempDir(home));

  it('run as written, one after the other, in an empty folder', async () => {
    const script = blocks
      .filter((block) => block.file === file && block.tag === 'test')
      .map((block) => `# ${block.where}\n${block.code}`)
      .join('\n');
    const env = {
      ...npmEnv(session),
      PIP_CACHE_DIR: join(cacheDir, 'pip'),
      PIP_DISABLE_PIP_VERSION_CHECK: '1',
      PIP_NO_INPUT: '1',
    };
    const result = await step(`the shell blocks of ${file}`, () =>
      run('bash', ['-euo', 'pipefail', '-c', script], { cwd: home, env, timeoutMs: 15 * 60_000 }),
    );
    expect(result.code, `${script}\n---\n${result.stdout}\n${result.stderr}`).toBe(0);
  });
});
