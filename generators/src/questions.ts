/**
 * The questions of core's options registry as inquirer prompts, named by their flags, so
 * `-- --runner-labels gpu` reads as it does for create-ml-cicd, and the answers turned back
 * into core's raw answers.
 */
import {
  nameFromFolder,
  options,
  parseList,
  parseNumber,
  UsageError,
  type Answers,
  type ChoiceOption,
  type Option,
  type RawAnswers,
} from '@ml-cicd/core';
import type { PromptQuestion } from 'node-plop';
import { askedIf } from './conditional.js';

/** What plop hands an action: prompt answers, named by the prompts. */
export type PlopAnswers = Record<string, unknown>;

/** Core's raw answers from plop's (flag-named) answers; what is missing takes its default. */
export function rawAnswers(data: PlopAnswers): RawAnswers {
  const raw: RawAnswers = {};
  for (const option of options) {
    const value = data[option.flag];
    if (typeof value === 'string') raw[option.key] = value;
  }
  return raw;
}

/** A string answer, or undefined when it was not given (plop leaves it out or empty). */
export function textAnswer(data: PlopAnswers, name: string): string | undefined {
  const value = data[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Ids of features and rules: a folder, a file and a flag value. */
export const kebab = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Why `value` cannot be one line of prose in a generated comment and string, if it cannot. */
export function lineProblem(what: string, value: string): string | undefined {
  if (value.trim() === '' || /[\n\r]/.test(value)) return `The ${what} is one line of text.`;
  return value.includes('*/') ? `The ${what} cannot contain "*/".` : undefined;
}

/** A path as the user would type it back on a command line. */
export function typed(path: string): string {
  return /^[\w./~-]+$/.test(path) ? path : JSON.stringify(path);
}

/** Whether to overwrite: the `force` answer, or plop's own --force. */
export function forced(data: PlopAnswers, config: { force?: boolean }): boolean {
  return data.force === true || config.force === true;
}

function choiceProblem(option: ChoiceOption, value: string): string | undefined {
  if (option.choices.some((choice) => choice.value === value)) return undefined;
  const valid = option.choices.map((choice) => choice.value).join(', ');
  return `--${option.flag} must be one of ${valid} (got "${value}").`;
}

/** The usage error a parser throws for a value, as a question's validation message. */
function parseProblem(parse: () => unknown): string | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
}

function question(option: Option, folderOf: (data: PlopAnswers) => string): PromptQuestion {
  const base = { name: option.flag, message: option.message };
  if (option.kind === 'text') {
    return {
      ...base,
      type: 'input',
      default: (data: PlopAnswers) => option.default ?? nameFromFolder(folderOf(data)),
      validate: (value: string) => option.problem(value) ?? true,
    };
  }
  if (option.kind === 'list') {
    return {
      ...base,
      type: 'input',
      default: option.default.join(','),
      validate: (value: string) => parseProblem(() => parseList(option, value)) ?? true,
    };
  }
  if (option.kind === 'number') {
    return {
      ...base,
      type: 'input',
      default: String(option.default),
      validate: (value: string) => parseProblem(() => parseNumber(option, value)) ?? true,
    };
  }
  const choice = {
    ...base,
    type: 'list' as const,
    choices: option.choices.map(({ value, label, hint }) => ({
      value,
      name: hint ? `${label} — ${hint}` : label,
    })),
    default: option.default,
    // Taken as typed, as the bin takes its flags: not by index or label as plop would.
    bypass: (value: string) => value,
    validate: (value: string) => choiceProblem(option, value) ?? true,
  };
  return choice; // `bypass` is plop's, not inquirer's: a literal would not type-check
}

function conditional(option: Option, question: PromptQuestion): PromptQuestion {
  const { when } = option;
  if (!when) return question;
  const type = question.type as 'input' | 'list';
  return askedIf({ ...question, type }, (data) => when.holds(rawAnswers(data) as Partial<Answers>));
}

/** Every question of the registry; `folderOf` gives the target folder's name, the name's default. */
export function optionQuestions(folderOf: (data: PlopAnswers) => string): PromptQuestion[] {
  return options.map((option) => conditional(option, question(option, folderOf)));
}

/**
 * On a terminal every question is asked, unless given on the command line. Elsewhere none is:
 * what is not given takes its default, as with create-ml-cicd --yes.
 */
export function asked(questions: PromptQuestion[]): PromptQuestion[] {
  if (process.stdin.isTTY && process.stdout.isTTY) return questions;
  return questions.map((question) => ({ ...question, when: false }));
}
