/**
 * Runs the built bin on a pseudo-terminal (util-linux `script`), so prompts appear as they do for
 * a user; the test types keys once the screen shows what it waits for.
 */
import { spawn } from 'node:child_process';
import { bin } from './run-bin.js';

const ansi = /\x1b\[[0-9;?]*[a-zA-Z]/g;

export interface Terminal {
  waitFor(text: string): Promise<void>;
  type(keys: string): void;
  exit: Promise<number | null>;
  screen(): string;
}

export function openTerminal(args: string[], cwd: string): Terminal {
  const command = ['stty cols 120 rows 50;', process.execPath, bin, ...args].join(' ');
  const { CI: _ci, ...env } = process.env;
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, env });
  let output = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk.replace(ansi, '');
    for (const waiter of [...waiters]) {
      if (output.includes(waiter.text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    waitFor: (text) =>
      output.includes(text)
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ text, resolve })),
    type: (keys) => child.stdin.write(keys),
    exit,
    screen: () => output,
  };
}

export const keys = { enter: '\r', down: '\x1b[B', ctrlC: '\x03' } as const;
