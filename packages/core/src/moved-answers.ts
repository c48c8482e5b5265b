/**
 * Choices a newer version replaced with another: a project that recorded one moves to its
 * replacement when its answers are read back (`ml-cicd update`, `add`), and a flag asking for one
 * gets a sentence naming the replacement.
 */
import type { RawAnswers } from './options.js';

type Recorded = Record<string, unknown>;

interface MovedChoice {
  key: 'runner';
  from: string;
  to: string;
  /** The sentence a flag asking for `from` gets. */
  message: string;
  /** The recorded answers of `from` turned into those of `to`. */
  move: (recorded: Recorded) => Recorded;
}

const movedChoices: readonly MovedChoice[] = [
  {
    key: 'runner',
    from: 'cml-aws',
    to: 'ec2',
    message:
      '--runner cml-aws is gone, because CML can no longer launch runners: use --runner ec2, an EC2 instance started for each run and terminated after it.',
    move: ({ cmlRegion, cmlInstanceType, cmlSpot, cmlDiskGb, cmlGpu: _gpu, ...rest }) => ({
      ...rest,
      runner: 'ec2',
      ...(cmlRegion === undefined ? {} : { ec2Region: cmlRegion }),
      ...(typeof cmlInstanceType === 'string' ? { ec2InstanceTypes: [cmlInstanceType] } : {}),
      ...(cmlSpot === undefined ? {} : { ec2Spot: cmlSpot }),
      ...(cmlDiskGb === undefined ? {} : { ec2DiskGb: cmlDiskGb }),
    }),
  },
];

/** Recorded answers with every replaced choice moved to its replacement. */
export function moveRecordedAnswers(recorded: Recorded): Recorded {
  return movedChoices.reduce(
    (answers, moved) => (answers[moved.key] === moved.from ? moved.move(answers) : answers),
    recorded,
  );
}

/** The replaced choices among `recorded`, as `runner cml-aws → ec2`, for what update prints. */
export function movedChoicesIn(recorded: Recorded): string[] {
  return movedChoices
    .filter((moved) => recorded[moved.key] === moved.from)
    .map((moved) => `${moved.key} ${moved.from} → ${moved.to}`);
}

/** The replaced values of ml-cicd.yaml (a slot's answer is its section's kind), by dotted path. */
export function replacedValues(): Record<string, Record<string, string>> {
  const replaced: Record<string, Record<string, string>> = {};
  for (const { key, from, to } of movedChoices) (replaced[`${key}.kind`] ??= {})[from] = to;
  return replaced;
}

/** The sentence for a flag (or prompt answer) that asks for a replaced choice. */
export function movedChoiceProblem(raw: RawAnswers): string | undefined {
  return movedChoices.find((moved) => raw[moved.key] === moved.from)?.message;
}
