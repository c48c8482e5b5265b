/**
 * The projects run for real: the default, and each option alone. Derived from core's feature
 * registry, so a new feature module is covered without editing this file.
 */
import { features, options, type Answers } from '@ml-cicd/core';

export interface Variant {
  /** `default`, or the id of the one feature turned on. */
  id: string;
  /** The create-ml-cicd flags that turn it on. */
  flags: string[];
}

/** Non-default values for list options an option brings along, so the value given is exercised. */
const listSamples: Record<string, string> = { 'runner-labels': 'linux,gpu' };

export function variants(): Variant[] {
  const found: Variant[] = [{ id: 'default', flags: [] }];
  for (const feature of features) {
    // A retired choice (a tracker whose service shut down) is no longer offered to new projects.
    if (!feature.choice || feature.choice.retired) continue;
    const { option: key, value } = feature.choice;
    const option = options.find((candidate) => candidate.key === key);
    if (option?.kind !== 'choice') {
      throw new Error(`${feature.id} is chosen by "${key}", which is not a choice option.`);
    }
    if (option.default === value) continue;
    const flags = [`--${option.flag}`, value];
    const answers = { [key]: value } as Partial<Answers>;
    for (const list of options) {
      if (list.kind === 'list' && list.when?.holds(answers)) {
        flags.push(`--${list.flag}`, listSamples[list.flag] ?? list.default.join(','));
      }
    }
    found.push({ id: feature.id, flags });
  }
  return found;
}
