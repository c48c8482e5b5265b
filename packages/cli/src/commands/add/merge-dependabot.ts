/**
 * A `.github/dependabot.yml` the repository has gets ml-cicd's update entries for the ecosystems
 * it does not cover yet; its own entries, comments, order and formatting stay (Dependabot refuses
 * two entries for one ecosystem and directory, so one the team has wins). The new entries are
 * inserted as text after the team's last one, so nothing the team wrote is written again.
 */
import { yamlOptions } from '@ml-cicd/core';
import { Document, isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import { UserError } from '../../errors.js';

export const dependabotPath = '.github/dependabot.yml';

/** zizmor's dependabot-cooldown reports an entry that waits fewer days than this. */
const cooldownDays = 7;

interface Update {
  'package-ecosystem': string;
  directory?: string;
  directories?: string[];
  cooldown?: { 'default-days'?: unknown };
}

const dirsOf = (update: Update) =>
  update.directories ?? (update.directory ? [update.directory] : []);

export interface Merged {
  content: string;
  notes: string[];
}

/** The column of an item's `-`, and where the line after the last item starts. */
function layout(text: string, updates: YAMLSeq): { column: number; end: number } {
  const first = updates.items[0];
  const last = updates.items.at(-1);
  const start = (isMap(first) && first.range?.[0]) || updates.range![0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const dash = text.slice(lineStart, start).lastIndexOf('-');
  const lastEnd = (isMap(last) && last.range?.[1]) || updates.range![1];
  const newline = text.indexOf('\n', lastEnd - 1);
  return { column: Math.max(dash, 0), end: newline === -1 ? text.length : newline + 1 };
}

/** `entries` as block-sequence items whose `-` is at `column`. */
function itemsText(entries: Update[], column: number): string {
  const text = new Document(entries).toString(yamlOptions);
  return text.replace(/^(?=.)/gm, ' '.repeat(column));
}

/** A note for each entry of the team's that zizmor's dependabot-cooldown reports. */
function cooldownNotes(existing: Update[]): string[] {
  return existing.flatMap((entry) => {
    const days = entry.cooldown?.['default-days'];
    if (typeof days === 'number' && days >= cooldownDays) return [];
    const dirs = dirsOf(entry);
    const which = `${entry['package-ecosystem']} entry${dirs.length > 0 ? ` (${dirs.join(', ')})` : ''}`;
    const has = days === undefined ? 'has no cooldown' : `waits ${String(days)} days`;
    return [
      `${dependabotPath}'s ${which} ${has}, so zizmor's dependabot-cooldown reports it; add "cooldown: {default-days: ${cooldownDays}}" to it, as ml-cicd's entries have, to leave new releases a week to be found out.`,
    ];
  });
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
  const notes = cooldownNotes(existing);
  const added: Update[] = [];
  for (const update of wanted) {
    const ecosystem = update['package-ecosystem'];
    const same = existing.filter((entry) => entry['package-ecosystem'] === ecosystem);
    if (same.length === 0) {
      added.push(update);
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
  if (added.length === 0) return { content: theirs, notes };
  if (updates.flow || updates.items.length === 0) {
    // `updates: []` or a flow list: no block to extend, so the document is written again.
    for (const update of added) updates.add(doc.createNode(update));
    return { content: doc.toString(yamlOptions), notes };
  }
  const { column, end } = layout(theirs, updates);
  const before = theirs.slice(0, end);
  const separator = before.endsWith('\n') ? '' : '\n';
  const content = `${before}${separator}${itemsText(added, column)}${theirs.slice(end)}`;
  return { content, notes };
}
