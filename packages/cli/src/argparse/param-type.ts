/** The `ml-cicd.yaml` param type a flag corresponds to, shared by `validate` and `add workflow`. */
import type { ParamType } from '@ml-cicd/config';
import type { ScriptFlag } from './types.js';

const kinds = { int: 'integer', float: 'number', bool: 'boolean', str: 'string' } as const;

/** `choice` when the flag has choices; undefined when its converter makes something else. */
export function paramTypeOf(flag: ScriptFlag): ParamType | undefined {
  if (flag.kind === 'bool') return 'boolean';
  if (flag.choices) return 'choice';
  return flag.kind ? kinds[flag.kind] : undefined;
}

/** The flag's long name without dashes (`--max-depth` → `max-depth`), if it has one. */
export function longName(flag: ScriptFlag): string | undefined {
  return flag.optionStrings.find((option) => option.startsWith('--'))?.slice(2);
}
