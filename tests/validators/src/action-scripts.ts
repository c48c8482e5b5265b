/**
 * actionlint lints workflows only, so the `run:` scripts of local composite actions get the same
 * checks here (W28): shellcheck for bash steps, pyflakes for python steps.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { exec } from './exec.js';
import { tools } from './tools.js';
import type { Finding } from './types.js';

interface Script {
  shell: string;
  body: string;
  /** 1-based line of the first script line in the action file. */
  line: number;
}

function scripts(text: string): Script[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const steps = doc.getIn(['runs', 'steps'], true);
  if (!isSeq(steps)) return [];
  return steps.items.flatMap((step) => {
    if (!isMap(step)) return [];
    const run = (step as YAMLMap).get('run', true);
    const shell = (step as YAMLMap).get('shell');
    if (!isScalar(run) || typeof run.value !== 'string' || !run.range) return [];
    // A block scalar's content starts on the line after its `|` indicator.
    const line = lineCounter.linePos(run.range[0]).line + (run.type?.startsWith('BLOCK') ? 1 : 0);
    return [{ shell: String(shell ?? 'bash'), body: run.value, line }];
  });
}

async function shellcheck(file: string, script: Script): Promise<Finding[]> {
  const result = await exec(
    tools.shellcheck,
    ['--shell=bash', '--format=json', '-'],
    '/',
    script.body,
  );
  const comments = JSON.parse(result.stdout || '[]') as {
    line: number;
    column: number;
    code: number;
    message: string;
  }[];
  return comments.map((comment) => ({
    tool: 'shellcheck',
    file,
    line: script.line + comment.line - 1,
    rule: `SC${comment.code}`,
    message: comment.message,
  }));
}

async function pyflakes(file: string, script: Script): Promise<Finding[]> {
  const result = await exec(tools.pyflakes, [], '/', script.body);
  return result.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^<stdin>:(\d+):(?:\d+:)? (.*)$/.exec(line);
      return {
        tool: 'pyflakes' as const,
        file,
        ...(match ? { line: script.line + Number(match[1]) - 1 } : {}),
        message: match?.[2] ?? line,
      };
    });
}

export async function lintActionScripts(
  dir: string,
  actions: readonly string[],
): Promise<Finding[]> {
  const found = await Promise.all(
    actions.map(async (file) => {
      const text = await readFile(join(dir, file), 'utf8');
      const checks = scripts(text).map((script) => {
        if (script.shell === 'bash' || script.shell === 'sh') return shellcheck(file, script);
        if (script.shell === 'python') return pyflakes(file, script);
        return Promise.resolve<Finding[]>([]);
      });
      return (await Promise.all(checks)).flat();
    }),
  );
  return found.flat();
}
