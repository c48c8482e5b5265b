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
  takesList,
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
  // A list's values, separated by spaces: compared as the list they pass.
  if (takesList(flag)) return Array.isArray(flag.default) ? flag.default : [flag.default];
  return flag.default;
}

/** A list param's default as the values it passes; '' passes none, so the script keeps its own. */
function listDefault(param: Param): unknown {
  const texts = String(param.default).split(' ').filter(Boolean);
  if (texts.length === 0) return undefined;
  return texts.map((text) => (Number.isFinite(Number(text)) ? Number(text) : text));
}

/** `--max-depth` for a flag, `data_dir` for a positional argument or a Hydra key. */
function shown(flag: ScriptFlag, name: string): string {
  return isPositional(flag) || flag.override ? name : `--${name}`;
}

function compare(script: string, name: string, param: Param, flag: ScriptFlag): Drift[] {
  const drift = (message: string): Drift => ({ param: name, flag, message });
  const option = shown(flag, name);
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
  const list = takesList(flag);
  if (list !== (param.nargs === '+')) {
    return [
      drift(
        list
          ? `${script}'s ${option} takes several values (nargs=${JSON.stringify(flag.nargs)}), but params.${name} has no nargs, so a run would pass them as one argument; set params.${name}.nargs: '+', then ${followed}.`
          : `${script}'s ${option} takes one value, but params.${name}.nargs is '+', so a run would pass each word as an argument of its own; remove params.${name}.nargs, then ${followed}.`,
      ),
    ];
  }
  const expected = expectedDefault(flag);
  const given = list ? listDefault(param) : param.default;
  if (expected !== undefined && given !== undefined && !sameValue(expected, given)) {
    const now = isSwitch(flag)
      ? `is passed only when its box is ticked`
      : flag.action === 'count'
        ? `is passed as many times as the input says`
        : `defaults to ${show(list ? (expected as unknown[]).join(' ') : expected)}`;
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
  const hydra = flags.some((flag) => flag.override);
  const drifts = Object.entries(params).flatMap(([name, param]) => {
    const flag = named.get(name);
    if (flag) return compare(script, name, param, flag);
    return [
      {
        param: name,
        message: generated
          ? `params.${name} is not a flag of ${script}, though the generated project builds its flags from the params of ml-cicd.yaml when it runs: undo the edit that stopped it (git diff shows it), or remove the param; then ${followed}.`
          : hydra
            ? `params.${name} is not a top-level key of ${script} with a plain value; add ${name}: <default> to it or remove the param (a nested key is set in the extra-args input, e.g. ${name}.key=value), then ${followed}.`
            : `params.${name} is not a flag of ${script}; add parser.add_argument("--${name}", ...) to it or remove the param, then ${followed}.`,
      },
    ];
  });
  for (const flag of flags) {
    const name = paramNameOf(flag);
    if (name !== undefined && name in params) continue;
    const shownFlag = name === undefined ? flag.optionStrings.join('/') : shown(flag, name);
    // A flag left out is the team's choice (or add's, past GitHub's limit of inputs): it keeps
    // the script's default, and a run can still pass it in the extra-args input.
    drifts.push(
      flag.required
        ? {
            flag,
            message: `${script}'s ${shownFlag} is required but is not in the params of ml-cicd.yaml, so a Train workflow run cannot pass it; ${canBeParam(name) ? `add params.${name} and run ${syncCommand}, or give the flag a default` : 'give the flag a default'}.`,
          }
        : {
            flag,
            severity: 'info',
            message: `${script}'s ${shownFlag} is not in the params of ml-cicd.yaml, so it keeps its default unless a run passes it; ${advice(name)}.`,
          },
    );
  }
  return drifts;
}
