// Prints, as JSON, the flag sets the end-to-end matrix runs: the defaults and each choice of every
// option alone, derived from the feature registry (Python versions are a matrix axis of their own;
// a feature's own options keep their defaults).
import { options } from '@ml-cicd/core';

const sets = [''];
for (const option of options) {
  if (option.kind !== 'choice' || option.key === 'python' || option.when) continue;
  for (const choice of option.choices) {
    if (choice.value !== option.default) sets.push(`--${option.flag} ${choice.value}`);
  }
}
process.stdout.write(`${JSON.stringify(sets)}\n`);
