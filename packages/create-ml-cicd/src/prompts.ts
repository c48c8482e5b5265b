/** Interactive questions for the answers not given as flags; loaded only on a terminal. */
import { confirm, intro, isCancel, log, note, outro, select, spinner, text } from '@clack/prompts';
import {
  nameFromFolder,
  options,
  parseList,
  parseNumber,
  UsageError,
  type Answers,
  type RawAnswers,
} from '@ml-cicd/core';
import { Cancelled } from './errors.js';

function answered<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value)) throw new Cancelled();
  return value as Exclude<T, symbol>;
}

/** The usage error a parser throws for `value`, as a prompt's validation message. */
function parseProblem(parse: () => unknown): string | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    return error instanceof UsageError ? error.message : String(error);
  }
}

export async function askTarget(): Promise<string> {
  const value = await text({
    message: 'Where should the project go?',
    placeholder: 'my-ml-project',
    defaultValue: 'my-ml-project',
  });
  return answered(value);
}

/** Asks every option the flags left open; returns the flags' and the prompts' answers together. */
export async function askAnswers(given: RawAnswers, folder: string): Promise<RawAnswers> {
  const raw: RawAnswers = { ...given };
  const sofar = raw as Partial<Answers>;
  for (const option of options) {
    if (raw[option.key] !== undefined) continue;
    if (option.when && !option.when.holds(sofar)) continue;
    if (option.kind === 'text') {
      const fallback = option.default ?? nameFromFolder(folder);
      raw[option.key] = answered(
        await text({
          message: option.message,
          placeholder: fallback,
          defaultValue: fallback,
          validate: (value) => (value ? option.problem(value) : undefined),
        }),
      );
    } else if (option.kind === 'choice') {
      raw[option.key] = answered(
        await select({
          message: option.message,
          options: option.choices.map((choice) => ({ ...choice })),
          initialValue: option.default,
        }),
      );
    } else if (option.kind === 'number') {
      raw[option.key] = answered(
        await text({
          message: option.message,
          placeholder: String(option.default),
          defaultValue: String(option.default),
          validate: (value) => (value ? parseProblem(() => parseNumber(option, value)) : undefined),
        }),
      );
    } else {
      raw[option.key] = answered(
        await text({
          message: option.message,
          placeholder: option.default.join(','),
          defaultValue: option.default.join(','),
          validate: (value) => (value ? parseProblem(() => parseList(option, value)) : undefined),
        }),
      );
    }
  }
  return raw;
}

/** The "folder is not empty" question: its default is to cancel, never to overwrite. */
export async function confirmOverwrite(dir: string, entries: string[]): Promise<boolean> {
  const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', …' : '');
  const value = await confirm({
    message: `${dir} already has files (${shown}). Write the project into it, overwriting files with the same names?`,
    initialValue: false,
  });
  return answered(value);
}

/** What the bin prints around the questions: named, so the bundle keeps only these of clack. */
export const prompts = { intro, log, note, outro, spinner };
