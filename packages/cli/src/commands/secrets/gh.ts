/**
 * Running gh, the GitHub CLI: values go to its standard input only, and whatever it prints back
 * passes through `redact` before anyone sees it.
 */
import { spawnSync } from 'node:child_process';
import { shellQuote } from '@ml-cicd/core';

export const commandLine = (args: readonly string[]) => ['gh', ...args].map(shellQuote).join(' ');

export interface GhResult {
  /** gh is not on PATH. */
  notFound: boolean;
  status: number | null;
  /** The first line gh wrote to stderr (or stdout), with every known value masked. */
  detail: string;
  /** What gh wrote to stdout (an API answer), with every known value masked. */
  stdout: string;
}

/** A line of a multi-line value this short is shown: masking it would garble gh's own words. */
const SHORTEST_MASKED_LINE = 4;

/**
 * `text` with each of `values`, and each line of a multi-line value, replaced by `***`, longest
 * first: gh may echo a value's first line back on its own.
 */
export function redact(text: string, values: readonly string[]): string {
  const lines = values.flatMap((value) =>
    value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length >= SHORTEST_MASKED_LINE),
  );
  const sorted = [...values, ...lines]
    .filter((value) => value !== '')
    .sort((a, b) => b.length - a.length);
  return sorted.reduce((masked, value) => masked.replaceAll(value, '***'), text);
}

export function runGh(
  args: readonly string[],
  options: { input?: string; hide: readonly string[] },
): GhResult {
  const result = spawnSync('gh', args, {
    input: options.input ?? '',
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const notFound = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  const said = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  const detail = redact(said ?? `exit code ${String(result.status)}`, options.hide).slice(0, 300);
  const stdout = redact(result.stdout ?? '', options.hide);
  return { notFound, status: result.status, detail, stdout };
}
