import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoAssets } from '../test/assets.js';
import { packedLocksFile, packLocks, readLocks } from './locks.js';

const { templatesDir } = repoAssets;
const keys = readdirSync(join(templatesDir, 'locks')).filter((name) =>
  statSync(join(templatesDir, 'locks', name)).isDirectory(),
);
const published = mkdtempSync(join(tmpdir(), 'ml-cicd-packed-locks-'));
afterAll(() => rmSync(published, { recursive: true, force: true }));

describe('the packed locks of the published bins', () => {
  const packed = packLocks(templatesDir);
  writeFileSync(join(published, packedLocksFile), packed);

  it.each(keys)('give back the lock %s byte for byte', (key) => {
    expect(readLocks(published, key)).toEqual(readLocks(templatesDir, key));
  });

  it('know no other lock', () => {
    expect(readLocks(published, 'not-a-key')).toBeUndefined();
  });

  it('are much smaller than the locks they hold', () => {
    const total = keys
      .flatMap((key) => Object.values(readLocks(templatesDir, key)!))
      .reduce((sum, text) => sum + text.length, 0);
    expect(packed.length).toBeLessThan(total / 5);
  });
});
