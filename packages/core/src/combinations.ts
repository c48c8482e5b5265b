/**
 * Combinations of choices: the render matrix, the requirement sets to lock, and the CI matrix.
 *
 * Where training runs, what it logs to and how data is versioned interact in the workflows, so
 * the render matrix crosses every runner (with its own options), tracker and data choice. Every
 * other choice (the Python version, a DVC remote, the report, …) takes each of its values in
 * turn over the combinations it applies to: each value appears, not with every other one.
 */
import type { Answers } from './answers.js';
import { features } from './features/index.js';
import type { ChoiceOption } from './option-types.js';
import { lockKey, requirementsDevIn, requirementsIn } from './locks.js';
import { options, resolveAnswers, type RawAnswers } from './options.js';
import { buildModel } from './plan.js';
import type { Assets } from './templates.js';

const runnerOwned = new Set<string>(
  features.flatMap((feature) =>
    feature.choice?.option === 'runner' ? (feature.options ?? []).map((option) => option.key) : [],
  ),
);
const crossedKeys = new Set<string>(['runner', 'tracker', 'data', ...runnerOwned]);

const choiceOptions = options.filter((option): option is ChoiceOption => option.kind === 'choice');

/** The values of a choice: those offered, and with `retired` also those only old projects have. */
function valuesOf(option: ChoiceOption, retired: boolean): string[] {
  const offered = option.choices.map((choice) => choice.value);
  return retired ? [...offered, ...(option.retired ?? []).map((choice) => choice.value)] : offered;
}

function cross(
  raws: RawAnswers[],
  crossed: readonly ChoiceOption[],
  retired = false,
): RawAnswers[] {
  for (const option of crossed) {
    raws = raws.flatMap((raw) =>
      option.when && !option.when.holds(raw as Partial<Answers>)
        ? [raw]
        : valuesOf(option, retired).map((value) => ({ ...raw, [option.key]: value })),
    );
  }
  return raws;
}

/** The render matrix: runners, trackers and data crossed, every other choice in turn. */
export function answerCombinations(name = 'demo-project'): Answers[] {
  const crossed = choiceOptions.filter((option) => crossedKeys.has(option.key));
  const rotated = choiceOptions.filter((option) => !crossedKeys.has(option.key));
  const turns = new Map<string, number>();
  const raws = cross([{ name }], crossed).map((raw) => {
    const picked: RawAnswers = { ...raw };
    rotated.forEach((option, position) => {
      if (option.when && !option.when.holds(picked as Partial<Answers>)) return;
      const turn = turns.get(option.key) ?? 0;
      const count = option.choices.length;
      // Each round through the values starts further on, by a step of its own per option, so two
      // options with the same number of values do not move in lockstep.
      const round = Math.floor(turn / count);
      picked[option.key] = option.choices[(turn + round * (position + 1)) % count]!.value;
      turns.set(option.key, turn + 1);
    });
    return picked;
  });
  return raws.map((raw) => resolveAnswers(raw, name));
}

/** The same choices with one changed; the options that no longer apply are dropped. */
function withChoice(answers: Answers, changed: ChoiceOption, value: string, name: string): Answers {
  const raw: RawAnswers = { name };
  for (const option of choiceOptions) {
    const chosen = option.key === changed.key ? value : answers[option.key];
    if (chosen === undefined) continue;
    if (!option.when || option.when.holds(raw as Partial<Answers>))
      raw[option.key] = String(chosen);
  }
  return resolveAnswers(raw, name);
}

export interface RequirementSet {
  runtimeIn: string;
  devIn: string;
}

/**
 * Every distinct pair of requirement files a project can get, by lock key, retired choices too.
 * Crossing every choice would be tens of thousands of renders, so only the choices that change
 * what a project installs somewhere in the render matrix are crossed; the others keep their
 * defaults. The Python version is held too: each lock is universal across the supported versions.
 */
export function requirementSets(
  assets: Assets,
  name = 'demo-project',
): Map<string, RequirementSet> {
  const setOf = (answers: Answers): RequirementSet => {
    const model = buildModel(answers, assets);
    return {
      runtimeIn: requirementsIn(model.requirements),
      devIn: requirementsDevIn(model.devRequirements),
    };
  };
  const keyOf = (set: RequirementSet) => lockKey(set.runtimeIn, set.devIn);
  const matrix = answerCombinations(name).map((answers) => ({
    answers,
    key: keyOf(setOf(answers)),
  }));
  const changesRequirements = (option: ChoiceOption) =>
    matrix.some(
      ({ answers, key }) =>
        (!option.when || option.when.holds(answers)) &&
        valuesOf(option, true).some(
          (value) =>
            value !== answers[option.key] &&
            keyOf(setOf(withChoice(answers, option, value, name))) !== key,
        ),
    );
  const crossed = choiceOptions.filter(
    (option) => option.key !== 'python' && changesRequirements(option),
  );
  const sets = new Map<string, RequirementSet>();
  // A retired choice keeps its locks: the projects that have it still render for update.
  for (const raw of cross([{ name }], crossed, true)) {
    const set = setOf(resolveAnswers(raw, name));
    sets.set(keyOf(set), set);
  }
  return sets;
}

/** A short name of a combination, e.g. `ec2 --ec2-spot yes, Python 3.12`. */
export function combinationName(answers: Answers): string {
  const named = new Set<string>(['runner', 'python']);
  // A feature's own choices always; other choices when they are not the default.
  const own = options.flatMap((option) =>
    option.kind === 'choice' &&
    !named.has(option.key) &&
    (option.when ? option.when.holds(answers) : answers[option.key] !== option.default)
      ? [`--${option.flag} ${String(answers[option.key])}`]
      : [],
  );
  return `${[answers.runner, ...own].join(' ')}, Python ${answers.python}`;
}
