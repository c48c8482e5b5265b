/** Temp folders for one test file, all under one folder removed when the file's tests end. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'report-action-tests-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A new, empty folder named after `prefix`, removed with the rest after the file's tests. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(root, prefix));
}
