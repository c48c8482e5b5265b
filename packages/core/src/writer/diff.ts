import type { Change } from './actions.js';

/** A line longer than this marks a built file (a vendored bundle): its diff would be unreadable. */
const longestReadableLine = 1000;

const longestLine = (text: string) =>
  text.split('\n').reduce((longest, line) => Math.max(longest, line.length), 0);

/** Git's one-line note for a file it does not show, with what is worth knowing about it. */
function builtFileNote(from: string, to: string, before: string, after: string, longest: number) {
  const size = (text: string) => Buffer.byteLength(text);
  const sizes = before ? `${size(before)} → ${size(after)} bytes` : `${size(after)} bytes`;
  return `Files ${from} and ${to} differ: a built file (${sizes}, lines up to ${longest} characters), not shown\n`;
}

/**
 * A git-style unified diff of every created or overwritten file; created files come from /dev/null.
 * Built files (the vendored actions' bundles) get one line instead of a hunk, as git does for
 * binary files. `diff` is loaded here, not at start-up: only a dry run shows a diff, and
 * scaffolding should start fast.
 */
export async function unifiedDiff(changes: readonly Change[]): Promise<string> {
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
  return changes
    .filter((change) => change.action !== 'identical')
    .map((change) => {
      const from = change.action === 'create' ? '/dev/null' : `a/${change.path}`;
      const to = `b/${change.path}`;
      const before = change.existing?.bytes.toString('utf8') ?? '';
      const after = change.content.toString('utf8');
      const longest = Math.max(longestLine(before), longestLine(after));
      if (longest > longestReadableLine) {
        return `--- ${from}\n+++ ${to}\n${builtFileNote(from, to, before, after, longest)}`;
      }
      return createTwoFilesPatch(from, to, before, after, undefined, undefined, {
        headerOptions: FILE_HEADERS_ONLY,
      });
    })
    .join('');
}
