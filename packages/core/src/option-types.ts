/**
 * The kinds of question a project answers, and how a flag's text becomes an answer. Each option
 * is a prompt and a flag of `create-ml-cicd`; a bad value is a UsageError naming the flag.
 */
import type { NamedPattern } from '@ml-cicd/config';
import type { Answers } from './answers.js';
import { UsageError } from './errors.js';

export interface OptionChoice<Value extends string = string> {
  value: Value;
  label: string;
  hint?: string;
}

interface OptionBase {
  /** The answer it sets: a key of Answers, or a feature's own (camelCase, unique). */
  key: string;
  /** The flag without its dashes, e.g. `runner-labels`. */
  flag: string;
  message: string;
  help: string;
  /** Asked only when this holds for the answers so far; `description` says when, for errors. */
  when?: { holds: (answers: Partial<Answers>) => boolean; description: string };
}

/** A value no longer offered: recorded answers keep it, a flag gets `message` instead. */
export interface RetiredChoice {
  value: string;
  message: string;
}

export interface ChoiceOption extends OptionBase {
  kind: 'choice';
  choices: readonly OptionChoice[];
  default: string;
  retired?: readonly RetiredChoice[];
}

export interface TextOption extends OptionBase {
  kind: 'text';
  /** What a valid value looks like, in a few words. */
  form: string;
  /** Without one, the default is the target folder's name (the project name). */
  default?: string;
  /** Why the value is refused, as a whole sentence; undefined when it is fine. */
  problem: (value: string) => string | undefined;
}

export interface ListOption extends OptionBase {
  kind: 'list';
  default: readonly string[];
  problem: (item: string) => string | undefined;
}

/** A whole number within bounds, e.g. minutes or gigabytes. */
export interface NumberOption extends OptionBase {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  /** What it counts, in the plural: "minutes". */
  unit: string;
}

export type Option = ChoiceOption | TextOption | ListOption | NumberOption;

type WithoutWhen<T> = T extends Option ? Omit<T, 'when'> : never;

/** An option a feature owns: asked, and valid, only when that feature is selected. */
export type FeatureOption = WithoutWhen<Option>;

/** A feature's own question, declared in its folder; its choice values stay literal types. */
export function defineOption<const O extends FeatureOption>(option: O): O {
  return option;
}

/** What the answer to `option` holds: one of its choice values, a text, a list or a number. */
export type AnswerOf<O extends FeatureOption> = O extends {
  kind: 'choice';
  choices: readonly { value: infer Value }[];
}
  ? Value
  : O extends { kind: 'list' }
    ? readonly string[]
    : O extends { kind: 'number' }
      ? number
      : string;

/** The answer to `option`, or undefined where it was not asked (answers recorded before it). */
export function givenAnswer<O extends FeatureOption>(
  answers: Partial<Answers>,
  option: O,
): AnswerOf<O> | undefined {
  return answers[option.key] as AnswerOf<O> | undefined;
}

/** The answer to a feature's option: resolveAnswers sets it whenever its feature is selected. */
export function answerOf<O extends FeatureOption>(answers: Answers, option: O): AnswerOf<O> {
  const value = givenAnswer(answers, option);
  if (value === undefined)
    throw new Error(`No answer for ${option.key}: resolve the answers first.`);
  return value;
}

/** "must be <meaning>" for values that do not match a named pattern of the config schema. */
export function patternProblem(pattern: NamedPattern): (value: string) => string | undefined {
  const regex = new RegExp(pattern.pattern);
  return (value) => (regex.test(value) ? undefined : `must be ${pattern.meaning}`);
}

/** A text option's problem: the whole sentence, naming the flag, for values off the pattern. */
export function flagPatternProblem(
  flag: string,
  pattern: NamedPattern,
): (value: string) => string | undefined {
  const problem = patternProblem(pattern);
  return (value) => {
    const found = problem(value);
    return found && `--${flag}: "${value}" ${found}.`;
  };
}

/** A yes/no choice, which also takes `--no-<flag>` for no (e.g. `--no-report`). */
export function isYesNo(option: Option): option is ChoiceOption {
  if (option.kind !== 'choice') return false;
  const values = option.choices.map((choice) => choice.value);
  return values.length === 2 && values.includes('yes') && values.includes('no');
}

export function checkChoice(option: ChoiceOption, value: string): string {
  if (option.choices.some((choice) => choice.value === value)) return value;
  if (option.retired?.some((retired) => retired.value === value)) return value;
  const valid = option.choices.map((choice) => choice.value).join(', ');
  throw new UsageError(`--${option.flag} must be one of ${valid} (got "${value}").`);
}

/**
 * Refuses a retired value given as a flag (or prompt) rather than read from recorded answers:
 * new projects, and answers changed on purpose, take only the offered choices.
 */
export function refuseRetired(option: Option, value: string): void {
  if (option.kind !== 'choice') return;
  const retired = option.retired?.find((choice) => choice.value === value);
  if (retired) throw new UsageError(retired.message);
}

/** Parses a comma-separated list flag; throws a UsageError naming the flag and the bad item. */
export function parseList(option: ListOption, value: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const item of items) {
    const problem = option.problem(item);
    if (problem) throw new UsageError(`--${option.flag}: "${item}" ${problem}.`);
  }
  return items;
}

/** Parses a whole-number flag; throws a UsageError naming the flag and the valid range. */
export function parseNumber(option: NumberOption, value: string): number {
  const number = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (number >= option.min && number <= option.max) return number;
  throw new UsageError(
    `--${option.flag} must be a whole number of ${option.unit} from ${option.min} to ${option.max} (got "${value}").`,
  );
}
