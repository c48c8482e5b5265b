import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../scripts/central-workflows.mjs', import.meta.url));

describe("this repository's central workflows", () => {
  it('are the reusable workflows of workflows/, so a call by tag runs what a copy would', () => {
    const check = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
