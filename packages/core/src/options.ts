/**
 * The questions a project answers, in the order they are asked. Choices that select a feature,
 * and the options a feature owns, come from the feature registry: adding a feature adds them to
 * every prompt, flag, help text, docs table and test matrix.
 */
import { githubLimits } from '@ml-cicd/config';
import { nameFromFolder, projectNameProblem, type Answers } from './answers.js';
import { UsageError } from './errors.js';
import { features } from './features/index.js';
import { movedChoiceProblem } from './moved-answers.js';
import {
  checkChoice,
  parseList,
  parseNumber,
  type ChoiceOption,
  type Option,
  type OptionChoice,
  type RetiredChoice,
} from './option-types.js';
import { pythonVersions } from './versions.js';

export * from './option-types.js';

function featureChoices(option: SlotKey): OptionChoice[] {
  return features.flatMap((feature) =>
    feature.choice?.option === option && !feature.choice.retired
      ? [{ value: feature.choice.value, label: feature.title, hint: feature.description }]
      : [],
  );
}

/** The values of `option` no longer offered, each with the sentence a flag asking for it gets. */
function retiredChoices(option: SlotKey): RetiredChoice[] {
  return features.flatMap((feature) =>
    feature.choice?.option === option && feature.choice.retired
      ? [{ value: feature.choice.value, message: feature.choice.retired }]
      : [],
  );
}

/** The own options of the features `option` selects, asked only when that feature is chosen. */
function featureOptions(option: SlotKey): Option[] {
  return features.flatMap((feature) => {
    const { choice } = feature;
    if (choice?.option !== option) return [];
    const when = {
      holds: (answers: Partial<Answers>) => answers[choice.option] === choice.value,
      description: `with --${slots[option].flag} ${choice.value}`,
    };
    return (feature.options ?? []).map((option) => ({ ...option, when }));
  });
}

/**
 * The questions whose answers are features: a feature's `choice.option` names one, and its
 * `choice.value` is one of the answers. `none` is the answer that selects no feature; `then`, the
 * questions asked right after it, before the chosen feature's own. A new kind of choice is one
 * entry here.
 */
export const slots = {
  runner: {
    flag: 'runner',
    message: 'Where should training run?',
    help: 'where CI and training run',
    default: 'hosted',
    schemaBranches: true,
    then: [
      {
        key: 'runnerTimeout',
        kind: 'number',
        flag: 'runner-timeout',
        message: 'Time limit of a training run, in minutes',
        help: 'minutes a training run may take before GitHub cancels it',
        default: 60,
        min: 1,
        // GitHub's ceiling for a job on a self-hosted runner; a hosted runner's is lower (its problem).
        max: githubLimits.selfHostedJobMinutes,
        unit: 'minutes',
      },
    ],
  },
  tracker: {
    flag: 'tracker',
    message: 'Where should runs be tracked?',
    help: 'experiment tracker runs are logged to, besides the local files',
    none: {
      value: 'none',
      label: 'Local files only',
      hint: 'params, metrics and model in outputs/',
    },
    default: 'none',
  },
  data: {
    flag: 'data',
    message: 'How should data and models be versioned?',
    help: 'how data and models are versioned beside the code',
    none: { value: 'none', label: 'Git only', hint: 'no data versioning' },
    default: 'none',
    schemaBranches: true,
  },
  updateCheck: {
    flag: 'update-check',
    message: 'Check weekly for a newer ml-cicd template?',
    help: 'a scheduled workflow that tells you when a newer ml-cicd template exists',
    none: { value: 'off', label: 'No', hint: 'run ml-cicd update --check yourself' },
    default: 'off',
  },
} satisfies Record<string, Slot>;

interface Slot {
  flag: string;
  message: string;
  help: string;
  none?: OptionChoice;
  default: string;
  then?: Option[];
  /**
   * The answer is the `kind` of ml-cicd.yaml's section of the same name, and each feature it
   * chooses declares its branch of the schema there (`schemaBranch`).
   */
  schemaBranches?: true;
}

/** The answers whose values select features (`runner`, `tracker`, …). */
export type SlotKey = keyof typeof slots;

export const slotKeys = Object.keys(slots) as SlotKey[];

/** A slot's question, its choices the features that name it, then what it asks right after. */
function slotQuestions(key: SlotKey): Option[] {
  const slot: Slot = slots[key];
  const retired = retiredChoices(key);
  const question: ChoiceOption = {
    key,
    kind: 'choice',
    flag: slot.flag,
    message: slot.message,
    help: slot.help,
    choices: [...(slot.none ? [slot.none] : []), ...featureChoices(key)],
    ...(retired.length > 0 ? { retired } : {}),
    default: slot.default,
  };
  return [question, ...(slot.then ?? []), ...featureOptions(key)];
}

export const options: readonly Option[] = [
  {
    key: 'name',
    kind: 'text',
    flag: 'name',
    message: 'Project name',
    help: 'project name',
    form: 'lowercase letters, digits and hyphens',
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
  ...slotKeys.flatMap(slotQuestions),
  ...features.flatMap((feature) => (feature.choice ? [] : (feature.options ?? []))),
];

export type RawAnswers = { [K in keyof Answers]?: string | undefined };

function resolveOne(option: Option, value: string | undefined, folder: string): unknown {
  switch (option.kind) {
    case 'text': {
      const text = value ?? option.default ?? nameFromFolder(folder);
      const problem = option.problem(text);
      if (!problem) return text;
      throw new UsageError(value === undefined ? `${problem} Pass --${option.flag}.` : problem);
    }
    case 'choice':
      return checkChoice(option, value ?? option.default);
    case 'list':
      return value === undefined ? option.default : parseList(option, value);
    case 'number':
      return value === undefined ? option.default : parseNumber(option, value);
  }
}

/**
 * Turns raw answers (from flags or prompts) into checked Answers, filling defaults. An option
 * that does not apply to the answers so far is left out, and giving it is a usage error.
 * `folder` is the target folder's name, the default project name.
 */
export function resolveAnswers(raw: RawAnswers, folder: string): Answers {
  const moved = movedChoiceProblem(raw);
  if (moved) throw new UsageError(moved);
  const answers: Partial<Record<keyof Answers, unknown>> = {};
  for (const option of options) {
    const value = raw[option.key];
    if (option.when && !option.when.holds(answers as Partial<Answers>)) {
      if (value !== undefined) {
        throw new UsageError(`--${option.flag} applies only ${option.when.description}.`);
      }
      continue;
    }
    answers[option.key] = resolveOne(option, value, folder);
  }
  const resolved = answers as Answers;
  for (const feature of features) {
    if (feature.choice && resolved[feature.choice.option] !== feature.choice.value) continue;
    const problem = feature.problem?.(resolved);
    if (problem) throw new UsageError(problem);
  }
  return resolved;
}
