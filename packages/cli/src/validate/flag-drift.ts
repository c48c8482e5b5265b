/**
 * Where a training script's argparse flags and the params of ml-cicd.yaml disagree, as problems
 * about a param (`param`) or about a flag of the script (`flag`).
 */
import type { Param } from '@ml-cicd/config';
import { longName, paramTypeOf, type ScriptFlag } from '../argparse/index.js';
import { sameValue, show } from './show.js';

export interface Drift {
  /** The param the problem is about (absent for a flag that has no param). */
  param?: string;
  /** The flag the problem is about (absent for a param that has no flag). */
  flag?: ScriptFlag;
  message: string;
  severity?: 'warning';
}

function compare(script: string, name: string, param: Param, flag: ScriptFlag): Drift[] {
  const drift = (message: string): Drift => ({ param: name, flag, message });
  const option = `--${name}`;
  const type = paramTypeOf(flag);
  if (type && type !== param.type) {
    return [
      drift(
        `${script}'s ${option} is read as ${type === 'choice' ? 'a choice' : describe(flag)}, but params.${name} is ${param.type}; make them agree.`,
      ),
    ];
  }
  const drifts: Drift[] = [];
  // A required flag's default is never used; a flag without one is a free-text param whose empty
  // default leaves the flag out of the run (what `add workflow` writes).
  const unused = flag.required || (flag.default === null && param.default === '');
  if (flag.defaultKnown && !unused && !sameValue(flag.default, param.default)) {
    const now = flag.default === null ? 'has no default' : `defaults to ${show(flag.default)}`;
    drifts.push(
      drift(
        `${script}'s ${option} ${now}, but params.${name}.default is ${show(param.default)}; make them equal.`,
      ),
    );
  }
  const choices = (flag.choices ?? []).map(String).sort();
  const wanted = [...(param.choices ?? [])].sort();
  if (param.type === 'choice' && show(choices) !== show(wanted)) {
    drifts.push(
      drift(
        `${script}'s ${option} accepts ${show(flag.choices ?? [])}, but params.${name}.choices are ${show(param.choices)}; make them equal.`,
      ),
    );
  }
  return drifts;
}

function describe(flag: ScriptFlag): string {
  return { int: 'an integer', float: 'a number', str: 'a string', bool: 'a boolean switch' }[
    flag.kind ?? 'str'
  ];
}

export function flagDrift(
  script: string,
  params: Record<string, Param>,
  flags: ScriptFlag[],
): Drift[] {
  const named = new Map(
    flags.flatMap((flag) => (longName(flag) ? [[longName(flag)!, flag] as const] : [])),
  );
  const drifts = Object.entries(params).flatMap(([name, param]) => {
    const flag = named.get(name);
    if (flag) return compare(script, name, param, flag);
    return [
      {
        param: name,
        message: `params.${name} is not a flag of ${script}; add parser.add_argument("--${name}", ...) or remove the param.`,
      },
    ];
  });
  for (const flag of flags) {
    const name = longName(flag);
    if (name !== undefined && name in params) continue;
    const shown = name ? `--${name}` : flag.optionStrings.join('/');
    drifts.push(
      flag.required
        ? {
            flag,
            message: `${script}'s ${shown} is required but is not in the params of ml-cicd.yaml, so a Train workflow run cannot pass it; add params.${name ?? shown} or give the flag a default.`,
          }
        : {
            flag,
            severity: 'warning',
            message: `${script}'s ${shown} is not in the params of ml-cicd.yaml, so the Train workflow cannot set it; add params.${name ?? shown} if it is a hyperparameter.`,
          },
    );
  }
  return drifts;
}
