/**
 * A training script's argparse flags as the params of ml-cicd.yaml and the argument lines of the
 * train action: how each flag reaches the script from a workflow_dispatch input.
 */
import { maxParams, type Param } from '@ml-cicd/config';
import type { ScriptParams } from '@ml-cicd/core';
import { longName, paramTypeOf, type ScriptFlag } from '../../argparse/index.js';

/** W21: what a free-text input may hold; a space is harmless since each value is one argument. */
export const freeTextPattern = '^[A-Za-z0-9 _./:@=+,-]*$';

export interface ScriptParamsReading extends ScriptParams {
  /** One sentence per flag that could not become a param, or whose value could not be read, and why. */
  skipped: string[];
  /** Flags left out because their default is computed at run time: a param written by hand stays. */
  unknownDefaults: Map<string, ScriptFlag>;
}

/** The schema's pattern of param names, which must also be the flag's long name. */
const paramName = /^[a-z][a-z0-9-]*$/;

/** The argument line of a switch: its flag when the input asks for it, else an empty (skipped) line. */
function switchLine(name: string, flag: ScriptFlag): string | undefined {
  const [on, off] = [flag.optionStrings.find((o) => o.startsWith('--')), `--no-${name}`];
  if (flag.action === 'store_true') return `\${{ inputs.${name} && '${on}' || '' }}`;
  if (flag.action === 'store_false') return `\${{ !inputs.${name} && '${on}' || '' }}`;
  if (flag.action === 'BooleanOptionalAction') {
    return `\${{ inputs.${name} && '${on}' || '${off}' }}`;
  }
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

function description(flag: ScriptFlag, name: string, script: string): string {
  const help = inertText(flag.help?.replaceAll('%(default)s', String(flag.default ?? '')) ?? '');
  return help || inertText(`The --${name} flag of ${script}.`);
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

function defaultOf(flag: ScriptFlag, type: Param['type']): Param['default'] | undefined {
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
  return undefined;
}

/** The sentences about what the static reading left unknown, for a flag that did become a param. */
function unreadNotes(flag: ScriptFlag, shown: string, script: string): string[] {
  const { unread } = flag;
  const notes: string[] = [];
  const unknown = 'cannot be read without running the script';
  if (unread?.default !== undefined) {
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

function toParam(flag: ScriptFlag, name: string, script: string): Param | string {
  if (flag.kind === 'bool' && !switchLine(name, flag)) {
    return `its action ${flag.action} is not a switch ml-cicd can pass`;
  }
  const type = paramTypeOf(flag) ?? 'string';
  if (flag.unread?.default !== undefined && type !== 'string') {
    return `its default (${flag.unread.default}) cannot be read without running the script; add params.${name} to ml-cicd.yaml with the default you want, or read the script with --import if you trust its code`;
  }
  const value = defaultOf(flag, type);
  if (value === undefined)
    return `its default ${JSON.stringify(flag.default)} is not of type ${type}`;
  const param: Param = { type, default: value, description: description(flag, name, script) };
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
  if (type === 'string') param.pattern = freeTextPattern;
  if (type === 'string' && !new RegExp(freeTextPattern).test(String(value))) {
    return `its default ${JSON.stringify(value)} has characters outside ${freeTextPattern}`;
  }
  return param;
}

function argLine(flag: ScriptFlag, name: string, param: Param): string | undefined {
  if (param.type === 'boolean') return switchLine(name, flag);
  // An empty free-text input leaves the flag out, so the script keeps its own default.
  if (param.type === 'string' && !flag.required) {
    return `\${{ inputs.${name} != '' && format('--${name}={0}', inputs.${name}) || '' }}`;
  }
  return undefined;
}

export function scriptParams(flags: ScriptFlag[], script: string): ScriptParamsReading {
  const reading: ScriptParamsReading = {
    params: {},
    args: {},
    required: [],
    skipped: [],
    unknownDefaults: new Map(),
  };
  const named = flags.filter((flag) => flag.action !== 'help' && flag.action !== 'version');
  // Required flags first: a workflow run cannot do without them when params run out.
  named.sort((a, b) => Number(b.required) - Number(a.required));
  for (const flag of named) {
    const name = longName(flag);
    const shown = name ? `--${name}` : flag.optionStrings.join('/');
    const skip = (why: string) => reading.skipped.push(`${script}'s ${shown} is left out: ${why}.`);
    if (!name) {
      skip('it has no --long name, so no workflow input can pass it');
      continue;
    }
    if (!paramName.test(name)) {
      skip("a param's name must be lowercase letters, digits and hyphens, starting with a letter");
      continue;
    }
    if (Object.keys(reading.params).length >= maxParams) {
      skip(`ml-cicd.yaml holds at most ${maxParams} params (GitHub's limit of inputs)`);
      continue;
    }
    const param = toParam(flag, name, script);
    if (typeof param === 'string' && flag.unread?.default !== undefined) {
      reading.unknownDefaults.set(name, flag);
    }
    if (typeof param === 'string') {
      skip(param);
      continue;
    }
    reading.params[name] = param;
    reading.skipped.push(...unreadNotes(flag, shown, script));
    const line = argLine(flag, name, param);
    if (line) reading.args[name] = line;
    if (flag.required) reading.required.push(name);
  }
  return reading;
}

/**
 * Keeps the params ml-cicd.yaml already has for what the static reading could not read, written by
 * hand as the notes ask, so a later `add` does not drop them: a flag whose default only the running
 * script knows, and, when some add_argument call could not be read at all, any param that is not
 * one of the flags read (a switch excepted: without its action there is no way to pass it).
 * Returns a sentence for each param it could not keep.
 */
export function keepRecordedParams(
  reading: ScriptParamsReading,
  recorded: unknown,
  someCallsUnread: boolean,
  script: string,
): string[] {
  const dropped: string[] = [];
  const params = (recorded ?? {}) as Record<string, Param | undefined>;
  const keep = (name: string, recordedParam: Param, flag?: ScriptFlag) => {
    if (Object.keys(reading.params).length >= maxParams) return;
    // Written by hand, so held to what add writes itself: one inert line, passable choices.
    const problem =
      recordedParam.type === 'choice' && choicesProblem((recordedParam.choices ?? []).map(String));
    if (problem) {
      dropped.push(`params.${name} of ml-cicd.yaml is left out: ${problem}.`);
      return;
    }
    const param = { ...recordedParam };
    if (typeof param.description === 'string') param.description = inertText(param.description);
    reading.params[name] = param;
    const line = flag && argLine(flag, name, param);
    if (line) reading.args[name] = line;
    if (flag?.required) reading.required.push(name);
  };
  for (const [name, flag] of reading.unknownDefaults) {
    const param = params[name];
    if (!param || paramTypeOf(flag) !== param.type || name in reading.params) continue;
    const known = { ...flag, defaultKnown: true, default: param.default };
    if (defaultOf(known, param.type) !== undefined) keep(name, param, flag);
  }
  if (!someCallsUnread) return dropped;
  const read = new Set(reading.unknownDefaults.keys());
  for (const [name, param] of Object.entries(params)) {
    if (!param || name in reading.params || read.has(name)) continue;
    if (param.type === 'boolean') {
      dropped.push(
        `params.${name} of ml-cicd.yaml is left out: no add_argument call of ${script} that could be read adds --${name}, and a switch cannot be passed without knowing its action.`,
      );
    } else keep(name, param);
  }
  return dropped;
}
