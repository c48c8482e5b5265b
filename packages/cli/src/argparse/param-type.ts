/**
 * How a flag becomes a param of ml-cicd.yaml: its name and its type, shared by `validate` and
 * `add workflow` so that what add writes is what validate accepts.
 */
import type { ParamType } from '@ml-cicd/config';
import type { ScriptFlag } from './types.js';

/** Actions that take no value: a box whose ticking passes the flag. */
const switchActions = new Set(['store_true', 'store_false', 'store_const', 'append_const']);

/** Whether the flag takes no value, so that its input is a box that passes it when ticked. */
export function isSwitch(flag: ScriptFlag): boolean {
  return switchActions.has(flag.action);
}

/** Whether the flag takes several values (`nargs='+'`, `'*'`, a count above 1, the rest). */
export function takesSeveral(flag: ScriptFlag): boolean {
  const { nargs } = flag;
  return typeof nargs === 'number' ? nargs > 1 : nargs !== undefined && nargs !== '?';
}

/**
 * Whether an input passes the flag's several values as a list param (`nargs: '+'`): the flag,
 * then the input's text split on spaces (`--alphas 0.1 1.0`), or the values alone for a
 * positional argument. The rest of the line (`nargs=argparse.REMAINDER`) is left to the
 * extra-args input.
 */
export function takesList(flag: ScriptFlag): boolean {
  const { nargs } = flag;
  const several = nargs === '+' || nargs === '*' || (typeof nargs === 'number' && nargs > 1);
  const action = flag.action === 'store' || flag.action === 'extend';
  // A converter that makes booleans reads each value as one: no box can stand for a list of them.
  return several && action && flag.kind !== 'bool';
}

/**
 * Whether the flag is passed only when its input is set: an optional flag whose default is `None`
 * or computed when the script runs, which no input value can stand for.
 */
export function passedOnlyWhenSet(flag: ScriptFlag): boolean {
  return !flag.required && (!flag.defaultKnown || flag.default === null);
}

/** The param type `add workflow` writes for the flag. */
export function paramTypeOf(flag: ScriptFlag): ParamType {
  if (flag.action === 'count') return 'integer';
  if (flag.kind === 'bool' || isSwitch(flag)) return 'boolean';
  // An empty free-text input leaves the flag out, the one way to keep a default of None.
  if (takesSeveral(flag) || passedOnlyWhenSet(flag)) return 'string';
  if (flag.choices) return 'choice';
  if (flag.kind === 'int') return 'integer';
  if (flag.kind === 'float') return 'number';
  return 'string';
}

/** The param types ml-cicd.yaml may give the flag: add's, or one the team chose with a value. */
export function acceptedTypes(flag: ScriptFlag): ParamType[] {
  const written = paramTypeOf(flag);
  // A converter that is not known statically: any input type whose text it may read.
  if (flag.kind === null && flag.action === 'store' && !flag.choices && !takesSeveral(flag)) {
    return ['string', 'integer', 'number', 'choice'];
  }
  if (written !== 'string' || takesSeveral(flag)) return [written];
  const natural = flag.choices
    ? 'choice'
    : { int: 'integer' as const, float: 'number' as const, str: undefined, bool: undefined }[
        flag.kind ?? 'str'
      ];
  return natural ? [written, natural] : [written];
}

/**
 * The param's name: the flag as the script spells it (`--batch_size` → `batch_size`, `--batchSize`
 * → `batchSize`), or a positional argument's own name; undefined for a flag with short names only.
 */
export function paramNameOf(flag: ScriptFlag): string | undefined {
  if (flag.override) return flag.optionStrings[0];
  const long = flag.optionStrings.find((option) => option.startsWith('--'));
  if (long) return long.slice(2);
  const [first] = flag.optionStrings;
  return first !== undefined && !first.startsWith('-') ? first : undefined;
}

/** Whether the flag is a positional argument, passed as its bare value. */
export function isPositional(flag: ScriptFlag): boolean {
  return !flag.override && flag.optionStrings.every((option) => !option.startsWith('-'));
}

/** The option an input passes: the one the param is named after, else the first (a Hydra key). */
export function optionOf(flag: ScriptFlag, name: string): string {
  return flag.optionStrings.find((option) => option === `--${name}`) ?? flag.optionStrings[0]!;
}
