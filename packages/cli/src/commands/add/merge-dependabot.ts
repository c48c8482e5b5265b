/**
 * A `.github/dependabot.yml` the repository has gets ml-cicd's update entries for the ecosystems
 * it does not cover yet; its own entries, comments and order stay (Dependabot refuses two entries
 * for one ecosystem and directory, so one the team has wins).
 */
import { yamlOptions } from '@ml-cicd/core';
import { isSeq, parseDocument } from 'yaml';
import { UserError } from '../../errors.js';

export const dependabotPath = '.github/dependabot.yml';

interface Update {
  'package-ecosystem': string;
  directory?: string;
  directories?: string[];
}

const dirsOf = (update: Update) =>
  update.directories ?? (update.directory ? [update.directory] : []);

export interface Merged {
  content: string;
  notes: string[];
}

export function mergeDependabot(theirs: string, ours: string): Merged {
  const doc = parseDocument(theirs);
  const updates = doc.get('updates', true);
  if (doc.errors.length > 0 || !isSeq(updates)) {
    throw new UserError(
      `${dependabotPath} is not valid YAML with an updates: list; fix it or move it aside, then run this again.`,
    );
  }
  const existing = (doc.toJS() as { updates: Update[] }).updates;
  const wanted = (parseDocument(ours).toJS() as { updates: Update[] }).updates;
  const notes: string[] = [];
  for (const update of wanted) {
    const ecosystem = update['package-ecosystem'];
    const same = existing.filter((entry) => entry['package-ecosystem'] === ecosystem);
    if (same.length === 0) {
      updates.add(doc.createNode(update));
      continue;
    }
    const covered = new Set(same.flatMap(dirsOf));
    const missing = dirsOf(update).filter((dir) => !covered.has(dir));
    if (missing.length > 0) {
      notes.push(
        `${dependabotPath} already updates ${ecosystem}; add ${missing.join(', ')} to its directories so Dependabot updates the pins there too.`,
      );
    }
  }
  const unchanged = updates.items.length === existing.length;
  return { content: unchanged ? theirs : doc.toString(yamlOptions), notes };
}
