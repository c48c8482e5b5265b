/**
 * `--level 0|1|2`: Google's MLOps maturity levels as presets. A preset is only a set of answers,
 * given before any single flag: every flag (and every prompt) still overrides it.
 */
import { UsageError } from './errors.js';
import { options, type RawAnswers } from './options.js';

export interface Level {
  id: '0' | '1' | '2';
  title: string;
  /** What the generated project does on its own at this level. */
  automates: string;
  /** The answers the preset gives, as flag values. */
  answers: RawAnswers;
}

// Every level sets the same options, so a level alone decides them whatever the defaults are.
const manual: Level = {
  id: '0',
  title: 'Manual training, tested code',
  automates: 'tests on every pull request; training started by hand from the Actions tab',
  answers: { data: 'none', report: 'no', retrain: 'off', release: 'off', updateCheck: 'off' },
};

const pipeline: Level = {
  id: '1',
  title: 'Continuous training',
  automates: 'level 0, plus versioned data, the PR metrics report and scheduled re-evaluation',
  answers: { ...manual.answers, data: 'dvc', report: 'yes', retrain: 'monthly' },
};

const delivery: Level = {
  id: '2',
  title: 'Continuous delivery',
  automates: 'level 1, plus a gated model release and a weekly template update check',
  answers: { ...pipeline.answers, release: 'on', updateCheck: 'issue' },
};

export const levels: readonly Level[] = [manual, pipeline, delivery];

/** The level `--level value` names; a UsageError naming the flag and the valid values otherwise. */
export function findLevel(value: string): Level {
  const level = levels.find((candidate) => candidate.id === value);
  if (level) return level;
  const valid = levels.map((candidate) => candidate.id).join(', ');
  throw new UsageError(`--level must be one of ${valid} (got "${value}").`);
}

/** The preset's answers as the flags that would give them, e.g. `--tracker mlflow`. */
export function levelFlags(level: Level): string[] {
  return options.flatMap((option) => {
    const value = level.answers[option.key];
    return value === undefined ? [] : [`--${option.flag} ${value}`];
  });
}
