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
  /** One sentence per flag that could not become a param, and why. */
  skipped: string[];
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

function description(flag: ScriptFlag, name: string, script: string): string {
  const help = flag.help?.replaceAll('%(default)s', String(flag.default ?? '')).trim();
  return help || `The --${name} flag of ${script}.`;
}

function defaultOf(flag: ScriptFlag, type: Param['type']): Param['default'] | undefined {
  if (!flag.defaultKnown || flag.default === null) {
    return type === 'string' ? '' : flag.required ? (type === 'boolean' ? false : 0) : undefined;
  }
  const value = flag.default;
  if (type === 'integer' && Number.isInteger(value)) return value as number;
  if (type === 'number' && typeof value === 'number') return value;
  if (type === 'boolean' && typeof value === 'boolean') return value;
  if ((type === 'string' || type === 'choice') && typeof value === 'string') return value;
  return undefined;
}

function toParam(flag: ScriptFlag, name: string, script: string): Param | string {
  if (flag.kind === 'bool' && !switchLine(name, flag)) {
    return `its action ${flag.action} is not a switch ml-cicd can pass`;
  }
  const type = paramTypeOf(flag) ?? 'string';
  const value = defaultOf(flag, type);
  if (value === undefined)
    return `its default ${JSON.stringify(flag.default)} is not of type ${type}`;
  const param: Param = { type, default: value, description: description(flag, name, script) };
  if (type === 'choice') param.choices = (flag.choices ?? []).map(String);
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
  const reading: ScriptParamsReading = { params: {}, args: {}, required: [], skipped: [] };
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
    if (typeof param === 'string') {
      skip(param);
      continue;
    }
    reading.params[name] = param;
    const line = argLine(flag, name, param);
    if (line) reading.args[name] = line;
    if (flag.required) reading.required.push(name);
  }
  return reading;
}
