/**
 * A repository that still runs CML: `add` says which of its workflows do, and which kind of add
 * replaces each use, and leaves those workflows as they are (the team deletes them when ready).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmlUsesIn, type CmlReplacement } from '../../rules/cml-use.js';

const workflowsDir = '.github/workflows';

const replaces: Record<CmlReplacement, string> = {
  ec2: 'ml-cicd add workflow ec2 replaces its runner',
  report: 'ml-cicd add workflow report replaces its comment',
};

/** One note per workflow of `dir` that runs CML. */
export function cmlNotes(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, workflowsDir)).filter((name) => /\.ya?ml$/.test(name));
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const path = `${workflowsDir}/${name}`;
    const found = cmlUsesIn(readFileSync(join(dir, path), 'utf8'));
    if (found.length === 0) return [];
    const kinds = [...new Set(found.flatMap((use) => use.kinds))];
    const offer = kinds.length > 0 ? `${kinds.map((kind) => replaces[kind]).join(', ')}; ` : '';
    return [
      `${path} still runs CML (it ${found.map((use) => use.what).join('; it ')}): ${offer}add leaves that workflow as it is, so delete it once the new one works (docs/guide/cml-parity.md).`,
    ];
  });
}
