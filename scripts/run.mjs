// Small helpers for the repository's own scripts: run a command, show it, stop on failure.
import { spawn, spawnSync } from 'node:child_process';

export function step(title) {
  process.stdout.write(`\n▶ ${title}\n`);
}

function fail(command, args, why, status) {
  process.stderr.write(`\n✖ ${command} ${args.join(' ')} failed (${why}).\n`);
  process.exit(status || 1);
}

export function run(command, args, options = {}) {
  process.stdout.write(`$ ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    fail(
      command,
      args,
      result.error?.message ?? `exit code ${result.status ?? result.signal}`,
      result.status,
    );
  }
}

const ansi = /\x1b\[[0-9;]*m/g;

/**
 * Runs a command that runs vitest, streaming its output, and returns how many tests passed and
 * failed, read from vitest's "Tests  N passed" summary lines (one per package).
 */
export function runCounted(command, args) {
  process.stdout.write(`$ ${[command, ...args].join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const counts = { passed: 0, failed: 0 };
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const summary = /Tests\s+(?:(\d+) failed \| )?(\d+) passed/.exec(line.replace(ansi, ''));
        if (!summary) continue;
        counts.failed += Number(summary[1] ?? 0);
        counts.passed += Number(summary[2]);
      }
    });
    child.on('close', (code) => {
      if (code !== 0) fail(command, args, `exit code ${code}`, code);
      resolve(counts);
    });
  });
}
