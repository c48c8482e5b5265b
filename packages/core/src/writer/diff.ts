import type { Change } from './actions.js';

/**
 * A git-style unified diff of every created or overwritten file; created files come from /dev/null.
 * `diff` is loaded here, not at start-up: only a dry run shows a diff, and scaffolding should start fast.
 */
export async function unifiedDiff(changes: readonly Change[]): Promise<string> {
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
  return changes
    .filter((change) => change.action !== 'identical')
    .map((change) =>
      createTwoFilesPatch(
        change.action === 'create' ? '/dev/null' : `a/${change.path}`,
        `b/${change.path}`,
        change.existing?.bytes.toString('utf8') ?? '',
        change.content.toString('utf8'),
        undefined,
        undefined,
        { headerOptions: FILE_HEADERS_ONLY },
      ),
    )
    .join('');
}
