/**
 * Where a training script's argparse flags and the params of ml-cicd.yaml disagree, as problems
 * about a param (`param`) or about a flag of the script (`flag`).
 */
import { paramName, type Param } from '@ml-cicd/config';
import {
  acceptedTypes,
  isPositional,
  isSwitch,
  paramNameOf,
  type ScriptFlag,
} from '../argparse/index.js';
import type { Severity } from './finding.js';
import { syncCommand } from '../rules/sync-hint.js';
import { sameValue, show } from './show.js';

/** After a fix in ml-cicd.yaml or the script, the workflows follow ml-cicd.yaml. */
const followed = `run ${syncCommand} so the workflows follow ml-cicd.yaml`;

export interface Drift {
  /** The param the problem is about (absent for a flag that has no param). */
  param?: string;
  /** The flag the problem is about (absent for a param that has no flag). */
  flag?: ScriptFlag;
  message: string;
  severity?: Severity;
}

const article = {
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  choice: 'a choice',
  string: 'a string',
};

/**
 * The default the param must have: a switch's box is unticked and a count is passed no times by
 * default; undefined when any default is the team's to choose (a required flag, or one whose
 * default is None or computed when the script runs, passed only when set).
 */
function expectedDefault(flag: ScriptFlag): unknown {
  if (flag.action === 'count') return 0;
  if (isSwitch(flag)) return false;
  if (flag.required || !flag.defaultKnown || flag.default === null) return undefined;
  return flag.default;
}

function compare(script: string, name: string, param: Param, flag: ScriptFlag): Drift[] {
  const drift = (message: string): Drift => ({ param: name, flag, message });
  const option = isPositional(flag) ? name : `--${name}`;
  const types = acceptedTypes(flag);
  if (!types.includes(param.type)) {
    const wanted = types.map((type) => article[type]).join(' or ');
    return [
      drift(
        `${script}'s ${option} is read as ${wanted}, but params.${name} is ${param.type}; make it ${types.join(' or ')}, then ${followed}.`,
      ),
    ];
  }
  const drifts: Drift[] = [];
  const expected = expectedDefault(flag);
  if (expected !== undefined && !sameValue(expected, param.default)) {
    const now = isSwitch(flag)
      ? `is passed only when its box is ticked`
      : flag.action === 'count'
        ? `is passed as many times as the input says`
        : `defaults to ${show(expected)}`;
    drifts.push(
      drift(
        `${script}'s ${option} ${now}, but params.${name}.default is ${show(param.default)}; ${flag.action === 'store' ? 'make them equal' : `make it ${show(expected)}`}, then ${followed}.`,
      ),
    );
  }
  const choices = (flag.choices ?? []).map(String).sort();
  const wanted = [...(param.choices ?? [])].sort();
  if (param.type === 'choice' && show(choices) !== show(wanted)) {
    drifts.push(
      drift(
        `${script}'s ${option} accepts ${show(flag.choices ?? [])}, but params.${name}.choices are ${show(param.choices)}; make them equal, then ${followed}.`,
      ),
    );
  }
  return drifts;
}

function canBeParam(name: string | undefined): name is string {
  return name !== undefined && new RegExp(paramName.pattern).test(name);
}

/** What to do about a flag that is no param, in words a user can follow as they are. */
function advice(name: string | undefined): string {
  if (canBeParam(name)) {
    return `add params.${name} and run ${syncCommand} to make it an input, or type it in the extra-args input`;
  }
  return `type it in the extra-args input (a param's name must be ${paramName.meaning})`;
}

/**
 * `generated`: the project npm create ml-cicd made, whose script builds its flags from the params
 * of ml-cicd.yaml when it runs, so a param without a flag means that code was changed.
 */
export function flagDrift(
  script: string,
  params: Record<string, Param>,
  flags: ScriptFlag[],
  generated = false,
): Drift[] {
  const named = new Map(
    flags.flatMap((flag) => {
      const name = paramNameOf(flag);
      return name === undefined ? [] : [[name, flag] as const];
    }),
  );
  const drifts = Object.entries(params).flatMap(([name, param]) => {
    const flag = named.get(name);
    if (flag) return compare(script, name, param, flag);
    return [
      {
        param: name,
        message: generated
          ? `params.${name} is not a flag of ${script}, though the generated project builds its flags from the params of ml-cicd.yaml when it runs: undo the edit that stopped it (git diff shows it), or remove the param; then ${followed}.`
          : `params.${name} is not a flag of ${script}; add parser.add_argument("--${name}", ...) to it or remove the param, then ${followed}.`,
      },
    ];
  });
  for (const flag of flags) {
    const name = paramNameOf(flag);
    if (name !== undefined && name in params) continue;
    const shown =
      name === undefined ? flag.optionStrings.join('/') : isPositional(flag) ? name : `--${name}`;
    // A flag left out is the team's choice (or add's, past GitHub's limit of inputs): it keeps
    // the script's default, and a run can still pass it in the extra-args input.
    drifts.push(
      flag.required
        ? {
            flag,
            message: `${script}'s ${shown} is required but is not in the params of ml-cicd.yaml, so a Train workflow run cannot pass it; ${canBeParam(name) ? `add params.${name} and run ${syncCommand}, or give the flag a default` : 'give the flag a default'}.`,
          }
        : {
            flag,
            severity: 'info',
            message: `${script}'s ${shown} is not in the params of ml-cicd.yaml, so it keeps its default unless a run passes it; ${advice(name)}.`,
          },
    );
  }
  return drifts;
}
