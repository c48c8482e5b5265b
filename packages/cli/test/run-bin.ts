/** Spawns the built bin the way a user's shell or CI does: no TTY. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));

export function runBin(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run pnpm --filter ml-cicd... build.`);
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
