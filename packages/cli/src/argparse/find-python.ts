/** The interpreters to try, in order: `--python`, the project's `.venv`, then `python3` and `python`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function pythonCandidates(
  dir: string,
  explicit?: string,
  platform: NodeJS.Platform = process.platform,
): string[] {
  if (explicit) return [explicit];
  const venv =
    platform === 'win32'
      ? join(dir, '.venv', 'Scripts', 'python.exe')
      : join(dir, '.venv', 'bin', 'python');
  return [...(existsSync(venv) ? [venv] : []), 'python3', 'python'];
}
