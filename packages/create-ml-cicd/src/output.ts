/** What the bin prints: plain lines for people, one JSON document with --json. */
import type { PlannedFile } from '@ml-cicd/core';

export function fileLines(files: PlannedFile[]): string {
  const width = Math.max(...files.map((file) => file.action.length));
  return files.map((file) => `  ${file.action.padEnd(width)}  ${file.path}`).join('\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
