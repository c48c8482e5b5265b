// Small helpers for the repository's own scripts: run a command, show it, stop on failure.
import { spawnSync } from 'node:child_process';

export function step(title) {
  process.stdout.write(`\n▶ ${title}\n`);
}

export function run(command, args, options = {}) {
  process.stdout.write(`$ ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    process.stderr.write(`\n✖ ${command} ${args.join(' ')} failed (${why}).\n`);
    process.exit(result.status || 1);
  }
}
