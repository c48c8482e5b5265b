/**
 * `--answers <file.json>`: answers recorded earlier (the `answers` of `.ml-cicd/manifest.json`),
 * so a project can be rendered again exactly as it was made; `ml-cicd update` relies on it.
 */
import { readFileSync } from 'node:fs';
import { rawFromRecorded, UserError, type RawAnswers } from '@ml-cicd/core';

export function readAnswersFile(file: string): RawAnswers {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const why = error instanceof SyntaxError ? 'it is not valid JSON' : (error as Error).message;
    throw new UserError(`--answers: cannot read ${file}: ${why}.`);
  }
  return rawFromRecorded(data, `--answers ${file}`);
}
