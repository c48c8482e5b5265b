// Times child processes from spawn to exit and runs competing tasks interleaved, so that drift
// (page cache, CPU frequency, other load on the machine) falls on every task alike.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

function tail(output) {
  return output.trim().split('\n').slice(-15).join('\n');
}

/** Runs a command to completion; rejects with its last output lines unless it exits 0. */
export function run(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - start;
      if (code === 0) resolve({ ms, stdout });
      else {
        const how = code === null ? `was killed by ${signal}` : `exited with ${code}`;
        reject(new Error(`\`${command} ${args.join(' ')}\` ${how}:\n${tail(output)}`));
      }
    });
  });
}

const hundredths = (ms) => Math.round(ms * 100) / 100;

/**
 * Runs every task once per round, rotating which one goes first, after `warmup` untimed rounds.
 * A task is `async () => ms` and keeps its own setup and clean-up out of the ms it returns.
 */
export async function interleave(tasks, { iterations, warmup, onRound }) {
  const names = Object.keys(tasks);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = -warmup; round < iterations; round++) {
    const first = (round + warmup) % names.length;
    const timings = {};
    for (let k = 0; k < names.length; k++) {
      const name = names[(first + k) % names.length];
      timings[name] = await tasks[name]();
    }
    if (round < 0) continue;
    for (const name of names) samples[name].push(hundredths(timings[name]));
    onRound?.(round + 1, timings);
  }
  return samples;
}

function quantile(sorted, q) {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: hundredths(quantile(sorted, 0.5)),
    p25: hundredths(quantile(sorted, 0.25)),
    p75: hundredths(quantile(sorted, 0.75)),
    min: sorted[0],
    max: sorted.at(-1),
  };
}
