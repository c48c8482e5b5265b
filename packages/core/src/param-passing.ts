/**
 * How each param reaches the training script: the train action's argument line for its input,
 * and the arguments that pass a value known when the workflow is written (the report's required
 * params at their defaults). Both follow the param's recorded passing.
 */
import type { MlCicdConfig } from '@ml-cicd/config';
import type { Passing, ScriptCall } from './model.js';

/** The most times a counted flag (`-v -v -v`) is passed: one argument line each. */
export const maxCount = 5;

/** How the param is passed: as `--name=value` unless the script's reading recorded otherwise. */
export function passingOf(name: string, call?: ScriptCall): Passing | 'value' {
  return call?.passing[name] ?? 'value';
}

/** `--name=`, or `name=` for a Hydra app (`train.params-as: overrides`). */
function assignment(config: MlCicdConfig, name: string): string {
  return config.train?.['params-as'] === 'overrides' ? `${name}=` : `--${name}=`;
}

/**
 * The line of a param's input; a list param's line is split on spaces by the train action
 * (`list-args`), so it is the flag and the values, or the values alone when positional.
 */
export function paramLine(config: MlCicdConfig, name: string, call?: ScriptCall): string {
  const input = `inputs.${name}`;
  const passing = passingOf(name, call);
  const flag = `--${name}`;
  const assign = assignment(config, name);
  if (config.params[name]?.nargs) {
    return passing === 'positional'
      ? `\${{ ${input} }}`
      : `\${{ ${input} != '' && format('${flag} {0}', ${input}) || '' }}`;
  }
  switch (passing) {
    case 'value':
      return `${assign}\${{ ${input} }}`;
    case 'when-set':
      return `\${{ ${input} != '' && format('${assign}{0}', ${input}) || '' }}`;
    case 'switch':
      return `\${{ ${input} && '${flag}' || '' }}`;
    case 'negatable':
      return `\${{ ${input} && '${flag}' || '--no-${name}' }}`;
    case 'count':
      return Array.from(
        { length: maxCount },
        (_, index) => `\${{ ${input} >= ${index + 1} && '${flag}' || '' }}`,
      ).join('\n');
    case 'positional':
      // An empty value (nargs='?') is an empty line, which the train action skips.
      return `\${{ ${input} }}`;
    default:
      return `\${{ ${input} && '${assign}${passing.true}' || '${assign}${passing.false}' }}`;
  }
}

/** The arguments that pass `value` for the param, as its input's line would. */
export function literalArgs(
  config: MlCicdConfig,
  name: string,
  call: ScriptCall | undefined,
  value: string | number | boolean,
): string[] {
  const passing = passingOf(name, call);
  const text = String(value);
  const flag = `--${name}`;
  const assign = assignment(config, name);
  if (config.params[name]?.nargs) {
    const values = text.split(' ').filter(Boolean);
    if (passing === 'positional' || values.length === 0) return values;
    return [flag, ...values];
  }
  switch (passing) {
    case 'value':
      return [`${assign}${text}`];
    case 'when-set':
      return text === '' ? [] : [`${assign}${text}`];
    case 'switch':
      return value === true ? [flag] : [];
    case 'negatable':
      return [value === true ? flag : `--no-${name}`];
    case 'count':
      return Array.from({ length: Number(value) }, () => flag);
    case 'positional':
      return text === '' ? [] : [text];
    default:
      return [`${assign}${value === true ? passing.true : passing.false}`];
  }
}
