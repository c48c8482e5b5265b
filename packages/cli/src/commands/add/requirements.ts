/** Warns when a requirements file a workflow installs with --require-hashes is missing or unpinned. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockCommand } from '@ml-cicd/core';
import type { Kind } from './plan.js';

const runtime: [input: string, lock: string] = ['requirements.in', 'requirements.txt'];

export const installs: Record<Kind, [input: string, lock: string]> = {
  train: runtime,
  test: ['requirements-dev.in', 'requirements-dev.txt'],
  report: runtime,
  retrain: runtime,
  dvc: runtime,
  hosted: runtime,
  'self-hosted': runtime,
  ec2: runtime,
  arc: runtime,
};

/** Requirement lines (continuations joined) that are not pinned with == and a hash. */
function unpinned(text: string): string[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line && !line.startsWith('-'))
    .filter((line) => !/==/.test(line) || !/--hash[= ]/.test(line))
    .map((line) => line.split(/\s/)[0]!);
}

export function requirementsWarning(dir: string, kind: Kind): string | undefined {
  const [input, lock] = installs[kind];
  const command = lockCommand(input, lock);
  const source = existsSync(join(dir, input))
    ? `run: ${command}`
    : `list your direct dependencies in ${input}, then run: ${command}`;
  if (!existsSync(join(dir, lock))) {
    return `warning: ${lock} is missing, and the workflow installs it with --require-hashes; ${source}`;
  }
  const loose = unpinned(readFileSync(join(dir, lock), 'utf8'));
  if (loose.length === 0) return undefined;
  return `warning: ${lock} has requirements that lack an == pin or a --hash (${loose.join(', ')}), and the workflow installs it with --require-hashes; ${source}`;
}
