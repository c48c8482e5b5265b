/**
 * The answers `add workflow <kind>` builds with: what the repository already records (an earlier
 * run's manifest, then ml-cicd.yaml), what the kind decides, and the flags of the runner or DVC
 * remote it is given.
 */
import {
  features,
  manifestPath,
  options,
  rawFromRecorded,
  refuseRetired,
  type RawAnswers,
} from '@ml-cicd/core';
import { UsageError } from '../../errors.js';
import { earlierManifest } from './earlier-manifest.js';
import { kindChoice, type Kind } from './plan.js';

/**
 * The options of the features an add kind chooses (the runners, DVC), which `add` takes as flags
 * of the same names.
 */
export const featureFlags = features.flatMap((feature) =>
  feature.choice && feature.add
    ? (feature.options ?? []).map((option) => ({
        option,
        choice: feature.choice!,
        kinds: Object.keys(feature.add ?? {}),
      }))
    : [],
);

/** The schedules of the registry's retrain option: every value but `off`. */
const retrainSchedules = options.flatMap((option) =>
  option.key === 'retrain' && option.kind === 'choice'
    ? option.choices.map((choice) => choice.value).filter((value) => value !== 'off')
    : [],
);

const trackerOption = options.find((option) => option.key === 'tracker')!;

/** The trackers `--tracker` takes, as create-ml-cicd names them. */
export const trackers =
  trackerOption.kind === 'choice' ? trackerOption.choices.map((choice) => choice.value) : [];

/** `--tracker`, checked: a retired tracker is refused with its replacement. */
function trackerFlag(value: string): string {
  refuseRetired(trackerOption, value);
  if (!trackers.includes(value)) {
    throw new UsageError(
      `--tracker must be one of ${trackers.join(', ')} (got ${JSON.stringify(value)}).`,
    );
  }
  return value;
}

/** The answers an earlier `add` recorded; none when the manifest is not ml-cicd's. */
export function recordedAnswers(dir: string): RawAnswers {
  try {
    return rawFromRecorded(earlierManifest(dir)?.answers ?? {}, manifestPath);
  } catch {
    return {};
  }
}

/** What the kind itself decides: the runner of a runner kind, DVC, a retraining schedule. */
function decidedByKind(kind: Kind, known: RawAnswers, schedule?: string): RawAnswers {
  const choice = kindChoice(kind);
  if (choice) return { [choice.option]: choice.value };
  if (kind === 'retrain') {
    const recorded = known.retrain && known.retrain !== 'off' ? known.retrain : 'monthly';
    return { retrain: schedule ?? recorded };
  }
  return {};
}

/** Drops recorded answers of options that no longer apply, e.g. another runner's scale set. */
function applicable(raw: RawAnswers): RawAnswers {
  const kept = { ...raw };
  for (const option of options) {
    if (option.when && !option.when.holds(kept as never)) delete kept[option.key];
  }
  return kept;
}

export function kindAnswers(
  kind: Kind,
  known: RawAnswers,
  flags: Record<string, string | undefined>,
): RawAnswers {
  const schedule = flags.schedule;
  if (schedule !== undefined && kind !== 'retrain') {
    throw new UsageError('--schedule applies only to add workflow retrain.');
  }
  if (schedule !== undefined && !retrainSchedules.includes(schedule)) {
    throw new UsageError(
      `--schedule must be one of ${retrainSchedules.join(', ')} (got ${JSON.stringify(schedule)}).`,
    );
  }
  const tracker = flags.tracker === undefined ? {} : { tracker: trackerFlag(flags.tracker) };
  const answers = applicable({ ...known, ...tracker, ...decidedByKind(kind, known, schedule) });
  for (const { option, choice, kinds } of featureFlags) {
    const value = flags[option.flag];
    if (value === undefined) continue;
    if (answers[choice.option] !== choice.value) {
      throw new UsageError(
        `--${option.flag} applies only to add workflow ${kinds.join(' or ')}, or to a repository whose ml-cicd.yaml already has that ${choice.option}.`,
      );
    }
    answers[option.key] = value;
  }
  return answers;
}
