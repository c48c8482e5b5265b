/**
 * The questions a project answers. Each is a prompt and a flag of `create-ml-cicd`; choices that
 * select a feature come from the feature registry, so adding a feature adds its choice everywhere.
 */
import { nameFromFolder, projectNameProblem, type Answers } from './answers.js';
import { features } from './features/index.js';
import { UsageError } from './errors.js';
import { pythonVersions } from './versions.js';

export interface OptionChoice {
  value: string;
  label: string;
  hint?: string;
}

interface OptionBase<K extends keyof Answers> {
  key: K;
  /** The flag without its dashes, e.g. `runner-labels`. */
  flag: string;
  message: string;
  help: string;
  /** Asked only when this holds for the answers so far; `description` says when, for errors. */
  when?: { holds: (answers: Partial<Answers>) => boolean; description: string };
}

export interface ChoiceOption extends OptionBase<'python' | 'runner'> {
  kind: 'choice';
  choices: OptionChoice[];
  default: string;
}

export interface TextOption extends OptionBase<'name'> {
  kind: 'text';
  problem: (value: string) => string | undefined;
}

export interface ListOption extends OptionBase<'runnerLabels'> {
  kind: 'list';
  default: string[];
  problem: (item: string) => string | undefined;
}

export type Option = ChoiceOption | TextOption | ListOption;

const runnerLabel = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function featureChoices(option: string): OptionChoice[] {
  return features.flatMap((feature) =>
    feature.choice?.option === option
      ? [{ value: feature.choice.value, label: feature.title, hint: feature.description }]
      : [],
  );
}

export const options: readonly Option[] = [
  {
    key: 'name',
    kind: 'text',
    flag: 'name',
    message: 'Project name',
    help: 'project name',
    problem: projectNameProblem,
  },
  {
    key: 'python',
    kind: 'choice',
    flag: 'python',
    message: 'Python version for CI and training',
    help: 'Python version used in CI',
    choices: pythonVersions.map((version) => ({ value: version, label: `Python ${version}` })),
    default: '3.12',
  },
  {
    key: 'runner',
    kind: 'choice',
    flag: 'runner',
    message: 'Where should training run?',
    help: 'where CI and training run',
    choices: featureChoices('runner'),
    default: 'hosted',
  },
  {
    key: 'runnerLabels',
    kind: 'list',
    flag: 'runner-labels',
    message: 'Labels of your self-hosted runner (comma-separated, after "self-hosted")',
    help: 'comma-separated labels of the self-hosted runner',
    default: ['linux', 'x64'],
    when: {
      holds: (answers) => answers.runner === 'self-hosted',
      description: 'with --runner self-hosted',
    },
    problem: (label) =>
      label === 'self-hosted'
        ? 'is added for you: list only the labels after it'
        : runnerLabel.test(label)
          ? undefined
          : 'must be 1 to 100 letters, digits, ".", "_" or "-", starting with a letter or digit',
  },
];

export type RawAnswers = { [K in keyof Answers]?: string | undefined };

function checkChoice(option: ChoiceOption, value: string): string {
  if (option.choices.some((choice) => choice.value === value)) return value;
  const valid = option.choices.map((choice) => choice.value).join(', ');
  throw new UsageError(`--${option.flag} must be one of ${valid} (got "${value}").`);
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

/**
 * Turns raw answers (from flags or prompts) into checked Answers, filling defaults.
 * `folder` is the target folder's name, the default project name.
 */
export function resolveAnswers(raw: RawAnswers, folder: string): Answers {
  const answers: Partial<Answers> = {};
  for (const option of options) {
    const value = raw[option.key];
    if (option.kind === 'text') {
      const name = value ?? nameFromFolder(folder);
      const problem = option.problem(name);
      if (problem) throw new UsageError(value === undefined ? `${problem} Pass --name.` : problem);
      answers.name = name;
    } else if (option.kind === 'choice') {
      (answers as Record<string, string>)[option.key] = checkChoice(
        option,
        value ?? option.default,
      );
    } else if (option.when && !option.when.holds(answers)) {
      if (value !== undefined) {
        throw new UsageError(`--${option.flag} applies only ${option.when.description}.`);
      }
      answers.runnerLabels = [];
    } else {
      answers.runnerLabels = value === undefined ? option.default : parseList(option, value);
    }
  }
  return answers as Answers;
}
