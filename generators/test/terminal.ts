/**
 * plop on a pseudo-terminal (util-linux `script`), so its questions appear as a user sees them;
 * the test answers each one once the screen shows it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { generatorsDir, plopfile } from './support.js';

const plopBin = createRequire(import.meta.url).resolve('plop/bin/plop.js');
const ansi = /\x1b\[[0-9;?]*[a-zA-Z]/g;

export const enter = '\r';

export interface Terminal {
  /** Waits until `question` is on the screen (after the last one answered), then types `keys`. */
  answer(question: string, keys: string): Promise<void>;
  exit: Promise<number | null>;
  transcript(): string;
}

export function plopOnTerminal(args: string[], userDir: string): Terminal {
  const words = [process.execPath, plopBin, '--plopfile', plopfile, ...args];
  const command = `stty cols 200 rows 50; ${words.map((word) => `'${word}'`).join(' ')}`;
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    cwd: generatorsDir,
    env: { ...process.env, INIT_CWD: userDir },
  });
  let output = '';
  let answered = 0;
  let waiter: { question: string; resolve: (at: number) => void } | undefined;
  const check = () => {
    const at = waiter ? output.indexOf(waiter.question, answered) : -1;
    if (waiter && at >= 0) waiter.resolve(at + waiter.question.length);
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk.replace(ansi, '');
    check();
  });
  return {
    answer: async (question, keys) => {
      answered = await new Promise<number>((resolve) => {
        waiter = { question, resolve };
        check();
      });
      waiter = undefined;
      child.stdin.write(keys);
    },
    exit: new Promise((resolve) => child.on('close', resolve)),
    transcript: () => output,
  };
}
