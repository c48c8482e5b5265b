/**
 * A training script's argparse flags as the params of ml-cicd.yaml and the argument lines of the
 * train action: how each flag reaches the script from a workflow_dispatch input.
 */
import { extraArgsInput, maxParams, paramName, type Param } from '@ml-cicd/config';
import { maxCount, type Passing, type ScriptParams } from '@ml-cicd/core';
import {
  acceptedTypes,
  isPositional,
  isSwitch,
  optionOf,
  paramNameOf,
  paramTypeOf,
  passedOnlyWhenSet,
  takesList,
  takesSeveral,
  type ScriptFlag,
} from '../../argparse/index.js';

/** W21: what a free-text input may hold; a space is harmless since each value is one argument. */
export const freeTextPattern = '^[A-Za-z0-9 _./:@=+,-]*$';

/**
 * What a Hydra key's free-text input may hold: W21's characters but `=` and `,`, which Hydra's
 * override grammar reads as more than the value's text.
 */
export const overrideTextPattern = '^[A-Za-z0-9 _./:@+-]*$';

/** What an input of a number flag whose default is None may hold: a number, or nothing. */
export const optionalNumberPattern = {
  int: '^(-?[0-9]+)?$',
  float: '^(-?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?)?$',
} as const;

/** One value of a list param's number flag; each text matches one way only, so lists check fast. */
const listItem = {
  int: '-?[0-9]+',
  float: '-?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?',
} as const;

export interface ScriptParamsReading extends ScriptParams {
  /** One sentence per flag that could not become a param, or whose value could not be read, and why. */
  skipped: string[];
  /** Every flag an input could pass, by param name: ml-cicd.yaml may list any of them. */
  candidates: Map<string, ScriptFlag>;
}

const validName = new RegExp(paramName.pattern);

/** How a param's input reaches the script, when not as `--name=value` (`name=value` for Hydra). */
function passingOf(flag: ScriptFlag, param: Param): Passing | undefined {
  if (isPositional(flag)) return 'positional';
  if (param.nargs) return undefined;
  if (flag.action === 'count') return 'count';
  // Ticking the box passes the flag, whatever the flag then does (store_false turns a thing off).
  if (isSwitch(flag)) return 'switch';
  if (flag.action === 'BooleanOptionalAction') return 'negatable';
  if (flag.boolText) return { ...flag.boolText };
  // An empty free-text input leaves the flag out, so the script keeps its own default.
  if (param.type === 'string' && !flag.required) return 'when-set';
  return undefined;
}

/**
 * The help text as one line, the way argparse shows it (it rewraps whitespace too), with no control
 * characters, and `${{` broken so that GitHub never evaluates the script's text as an expression.
 */
export function inertText(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cs}\u2028\u2029]/gu, ' ')
    .split(/\s+/)
    .join(' ')
    .trim()
    .replaceAll('${{', '$ {{');
}

/** The description: the flag's help, else what ticking or filling the input does. */
function description(flag: ScriptFlag, name: string, script: string): string {
  const shownDefault = flag.defaultKnown && flag.default !== null ? String(flag.default) : '';
  const help = inertText(flag.help?.replaceAll('%(default)s', shownDefault) ?? '');
  const option = optionOf(flag, name);
  const what = isPositional(flag)
    ? `The ${name} argument`
    : flag.override
      ? `The ${name} key of the Hydra config`
      : `The ${option} flag`;
  if (flag.action === 'count') {
    return inertText(
      help
        ? `${help} (times to pass ${option}, 0 to ${maxCount})`
        : `How many times to pass ${option} to ${script} (0 to ${maxCount}).`,
    );
  }
  if (isSwitch(flag) && !help) return inertText(`Ticked, passes ${option} to ${script}.`);
  if (takesList(flag)) {
    const empty = passedOnlyWhenSet(flag) ? '; empty: not passed' : '';
    return inertText(
      help
        ? `${help} (values separated by spaces${empty})`
        : `${what} of ${script}: values separated by spaces${empty}.`,
    );
  }
  if (paramTypeOf(flag) === 'string' && passedOnlyWhenSet(flag)) {
    return inertText(
      help ? `${help} (empty: not passed)` : `${what} of ${script}, passed only when set.`,
    );
  }
  return inertText(help || `${what} of ${script}.`);
}

const unpassable = /^$|^\s|\s$|[\p{Cc}\p{Cs}\u2028\u2029]|\$\{\{/u;

/** Why the flag's choices cannot be a workflow input's options, if they cannot. */
function choicesProblem(choices: string[]): string | undefined {
  if (choices.length === 0) return 'it has no choices, so no value is valid';
  if (new Set(choices).size < choices.length) return 'two of its choices are the same text';
  const odd = choices.find((choice) => unpassable.test(choice));
  if (odd === undefined) return undefined;
  return `its choice ${JSON.stringify(odd)} is empty or has a line break, a control character, an outer space or \${{, which a workflow input's options cannot hold as they are`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The pattern of a free-text input: the flag's choices or a number when it has them, else W21's;
 * for a list param, any number of them separated by spaces.
 */
function textPattern(flag: ScriptFlag): string {
  const number = flag.kind === 'int' || flag.kind === 'float' ? flag.kind : undefined;
  const choices =
    flag.choices && `(${flag.choices.map((choice) => escapeRegExp(String(choice))).join('|')})`;
  if (takesList(flag)) {
    const one = choices ?? (number && `(${listItem[number]})`);
    return one ? `^ *(${one} +)*(${one})?$` : freeTextPattern;
  }
  if (choices) return `^${choices}?$`;
  if (number) return optionalNumberPattern[number];
  return flag.override ? overrideTextPattern : freeTextPattern;
}

/** The text of a list flag's default, its values separated by spaces, or '' when none can be. */
function listText(value: unknown): string {
  const values = Array.isArray(value) ? value : [value];
  const texts = values.map((item) =>
    typeof item === 'number' || (typeof item === 'string' && /^[^\s]+$/.test(item))
      ? String(item)
      : undefined,
  );
  return texts.every((text) => text !== undefined) ? texts.join(' ') : '';
}

function defaultOf(flag: ScriptFlag, type: Param['type']): Param['default'] | undefined {
  if (flag.action === 'count') return 0;
  if (isSwitch(flag)) return false;
  if (takesList(flag)) return flag.defaultKnown ? listText(flag.default) : '';
  if (!flag.defaultKnown || flag.default === null) {
    if (type === 'string') return '';
    if (!flag.required) return undefined;
    // A required flag's input always gets a value; a choice's is set to its first one.
    return type === 'boolean' ? false : type === 'choice' ? '' : 0;
  }
  const value = flag.default;
  // argparse compares the text it converts with the choices, so 1 and "1" are the same choice.
  if (type === 'choice' && (typeof value === 'number' || typeof value === 'boolean')) {
    return String(value);
  }
  if (type === 'integer' && Number.isInteger(value)) return value as number;
  if (type === 'number' && typeof value === 'number') return value;
  if (type === 'boolean' && typeof value === 'boolean') return value;
  if ((type === 'string' || type === 'choice') && typeof value === 'string') return value;
  // A converter ml-cicd cannot read (type=Path, a range check) reads its default's text the same.
  if (type === 'string' && flag.kind === null && typeof value === 'number') return String(value);
  return undefined;
}

/** The sentences about what the static reading left unknown, for a flag that did become a param. */
function unreadNotes(flag: ScriptFlag, shown: string, script: string): string[] {
  const { unread } = flag;
  const notes: string[] = [];
  const unknown = 'cannot be read without running the script';
  // A count or a switch passes its flag or not: the script's default stays its own either way.
  if (unread?.default !== undefined && flag.action !== 'count' && !isSwitch(flag)) {
    notes.push(
      `${script}'s ${shown} default (${unread.default}) ${unknown}, so the param's default is empty and the script keeps its own when the input is left empty.`,
    );
  }
  if (unread?.choices !== undefined) {
    notes.push(
      `${script}'s ${shown} choices (${unread.choices}) ${unknown}, so the param is free text and the script checks the value.`,
    );
  }
  if (unread?.required !== undefined) {
    notes.push(
      `Whether ${script}'s ${shown} is required (${unread.required}) ${unknown}, so the param is optional; list it in ml-cicd.yaml's params with a default if the script needs it.`,
    );
  }
  return notes;
}

/** Actions whose one value an input passes as `--name=value`. */
const valueActions = new Set(['store', 'append', 'count', 'BooleanOptionalAction']);

/** Why no input can pass the flag, whatever its default, if none can. */
function unpassableFlag(flag: ScriptFlag, name: string): string | undefined {
  if (takesList(flag)) return undefined;
  if (takesSeveral(flag)) {
    return `it takes several values (nargs=${JSON.stringify(flag.nargs)}), which one input cannot pass as separate arguments; type them in the extra-args input (e.g. ${isPositional(flag) ? '' : `--${name} `}a b)`;
  }
  if (!isSwitch(flag) && !valueActions.has(flag.action)) {
    return `its action ${flag.action} is not one an input can pass; type it in the extra-args input`;
  }
  if (flag.kind === 'bool' && flag.action === 'store' && !flag.boolText) {
    return 'its converter makes a boolean of texts other than true and false; type it in the extra-args input';
  }
  return undefined;
}

/** What `add` writes for a flag an input can pass, or why it cannot. */
function toParam(flag: ScriptFlag, name: string, script: string): Param | string {
  const type = paramTypeOf(flag);
  const value = defaultOf(flag, type);
  if (value === undefined) {
    const shown = flag.unread?.default ?? JSON.stringify(flag.default);
    return `its default ${shown} is not of type ${type}; list params.${name} in ml-cicd.yaml with the default you want`;
  }
  const param: Param = { type, default: value, description: description(flag, name, script) };
  if (takesList(flag)) param.nargs = '+';
  if (type === 'integer' && flag.action === 'count')
    Object.assign(param, { min: 0, max: maxCount });
  if (type === 'choice') {
    const choices = (flag.choices ?? []).map(String);
    const problem = choicesProblem(choices);
    if (problem) return problem;
    if (!choices.includes(String(param.default))) {
      if (!flag.required) {
        return `its default ${JSON.stringify(param.default)} is not one of its choices, so no workflow input can leave it at its default`;
      }
      param.default = choices[0]!;
    }
    param.choices = choices;
  }
  if (type === 'string') {
    param.pattern = textPattern(flag);
    if (flag.choices && choicesProblem(flag.choices.map(String))) {
      return choicesProblem(flag.choices.map(String))!;
    }
    if (!new RegExp(param.pattern).test(String(value))) {
      return `its default ${JSON.stringify(value)} has characters outside ${param.pattern}`;
    }
  }
  return param;
}

/** Words in a flag's name that make it worth an input when the inputs run out. */
const worthKeeping = [
  /seed/i, // a run must be repeatable
  /dry.?run|smoke|quick|fast|debug|tiny|toy|dummy|fake|synthetic|subset|sample|small|limit/i,
  /epoch|steps|iters/i,
];

/** Lower ranks are kept first when the script has more flags than inputs. */
function rank(flag: ScriptFlag, name: string): number {
  if (flag.required) return 0;
  const at = worthKeeping.findIndex((words) => words.test(name));
  return at < 0 ? worthKeeping.length + 1 : at + 1;
}

interface Candidate {
  flag: ScriptFlag;
  name: string;
  param: Param;
}

/** The flags as params, each input of train.yml passing one flag. */
export function scriptParams(flags: ScriptFlag[], script: string): ScriptParamsReading {
  const reading: ScriptParamsReading = {
    params: {},
    passing: {},
    required: [],
    skipped: [],
    candidates: new Map(),
  };
  const candidates: Candidate[] = [];
  const taken = new Map<string, string>();
  const groups = new Map<string, string>();
  for (const flag of flags) {
    if (flag.action === 'help' || flag.action === 'version') continue;
    const name = paramNameOf(flag);
    const shown = name === undefined ? flag.optionStrings.join('/') : shownName(flag, name);
    const skip = (why: string) => reading.skipped.push(`${script}'s ${shown} is left out: ${why}.`);
    if (name === undefined) {
      skip(
        'it has no --long name, so no workflow input can pass it; type it in the extra-args input',
      );
      continue;
    }
    if (!validName.test(name)) {
      skip(`a param's name must be ${paramName.meaning}; type it in the extra-args input`);
      continue;
    }
    // GitHub reads input ids without regard to case: batchSize and batchsize are one input.
    const same = taken.get(name.toLowerCase());
    if (same !== undefined) {
      skip(
        `GitHub reads input names without regard to case, so it would be the same input as ${same}`,
      );
      continue;
    }
    if (name.toLowerCase() === extraArgsInput) {
      skip(
        `train.yml's ${extraArgsInput} input has that name; type it in the ${extraArgsInput} input`,
      );
      continue;
    }
    const unpassable = unpassableFlag(flag, name);
    if (unpassable) {
      skip(unpassable);
      continue;
    }
    taken.set(name.toLowerCase(), shown);
    reading.candidates.set(name, flag);
    const param = toParam(flag, name, script);
    if (typeof param === 'string') {
      skip(param);
      continue;
    }
    const rival = flag.exclusiveGroup && groups.get(flag.exclusiveGroup);
    if (rival) {
      skip(
        `it is mutually exclusive with --${rival}, which is an input, and two inputs could pass both; list params.${name} in ml-cicd.yaml in place of params.${rival} to pass it instead`,
      );
      continue;
    }
    if (flag.exclusiveGroup) groups.set(flag.exclusiveGroup, name);
    candidates.push({ flag, name, param });
  }
  const kept = new Set(
    [...candidates].sort((a, b) => rank(a.flag, a.name) - rank(b.flag, b.name)).slice(0, maxParams),
  );
  // Required flags first: a workflow run cannot do without them.
  const ordered = [...candidates].sort((a, b) => Number(b.flag.required) - Number(a.flag.required));
  for (const candidate of ordered) {
    const { flag, name, param } = candidate;
    const shown = shownName(flag, name);
    if (!kept.has(candidate)) {
      reading.skipped.push(
        `${script}'s ${shown} is left out: ml-cicd.yaml holds at most ${maxParams} params (GitHub's limit of inputs, one of them extra-args), and a seed, a dry-run or small-data flag, the epochs and the script's first flags came first; it still reaches the script through the extra-args input, and listing params.${name} in ml-cicd.yaml in place of another makes it an input.`,
      );
      continue;
    }
    addParam(reading, flag, name, param);
    reading.skipped.push(...unreadNotes(flag, shown, script));
  }
  return reading;
}

/** `--batch_size` for a flag, `data_dir` for a positional argument or a Hydra key. */
function shownName(flag: ScriptFlag, name: string): string {
  return isPositional(flag) || flag.override ? name : `--${name}`;
}

function addParam(reading: ScriptParams, flag: ScriptFlag, name: string, param: Param): void {
  reading.params[name] = param;
  const passing = passingOf(flag, param);
  if (passing) reading.passing[name] = passing;
  if (flag.required) reading.required.push(name);
}

/**
 * The params ml-cicd.yaml already lists are the team's choice, which add never reverts: a flag
 * it does not list stays out (the team removed it, or add left it out before), and one it lists
 * stays in, written by hand when add could not write it, in the team's order. A param that is no
 * flag of the script is kept only when the script's flags could not all be read. Returns a
 * sentence for each change to what the script alone would give.
 */
export function keepRecordedParams(
  reading: ScriptParamsReading,
  recorded: unknown,
  someCallsUnread: boolean,
  script: string,
): string[] {
  if (typeof recorded !== 'object' || recorded === null || Array.isArray(recorded)) return [];
  const listed = recorded as Record<string, Param | undefined>;
  const notes: string[] = [];
  const fromScript = { ...reading.params };
  const required = new Set(reading.required);
  const passing = { ...reading.passing };
  reading.params = {};
  reading.passing = {};
  reading.required = [];
  const noParser = reading.candidates.size === 0 && !someCallsUnread;
  for (const [name, param] of Object.entries(listed)) {
    if (!param || typeof param !== 'object' || Object.keys(reading.params).length >= maxParams) {
      continue;
    }
    const flag = reading.candidates.get(name);
    const written = fromScript[name];
    // The script decides the type, unless the team chose another it accepts (a value for None).
    const teamType =
      flag && written?.type !== param.type && acceptedTypes(flag).includes(param.type);
    if (written && !teamType) {
      reading.params[name] = written;
      if (passing[name]) reading.passing[name] = passing[name];
      if (required.has(name)) reading.required.push(name);
      continue;
    }
    const problem = recordedProblem(name, param, flag, someCallsUnread || noParser, script);
    if (problem) {
      notes.push(`params.${name} of ml-cicd.yaml is left out: ${problem}.`);
      continue;
    }
    const kept = { ...param };
    if (typeof kept.description === 'string') kept.description = inertText(kept.description);
    if (flag) addParam(reading, flag, name, kept);
    else reading.params[name] = kept;
  }
  for (const name of Object.keys(fromScript)) {
    if (name in listed) continue;
    const shown = shownName(reading.candidates.get(name)!, name);
    notes.push(
      `${script}'s ${shown} is left out: the params of ml-cicd.yaml do not list it, and they are the team's choice; add params.${name} there to make it an input.`,
    );
  }
  return notes;
}

/** Why a param the team wrote by hand cannot be kept, if it cannot. */
function recordedProblem(
  name: string,
  param: Param,
  flag: ScriptFlag | undefined,
  unreadFlags: boolean,
  script: string,
): string | undefined {
  const problem =
    param.type === 'choice' ? choicesProblem((param.choices ?? []).map(String)) : undefined;
  if (problem) return problem;
  if (flag) {
    if (!acceptedTypes(flag).includes(param.type)) {
      return `${script} reads its flag as ${paramTypeOf(flag)}, not ${param.type}`;
    }
    return undefined;
  }
  if (!unreadFlags) return `it is not a flag of ${script}`;
  if (param.type === 'boolean') {
    return `no add_argument call of ${script} that could be read adds --${name}, and a switch cannot be passed without knowing its action`;
  }
  return undefined;
}
