/** `--git`: a repository with the project as its first commit, when git is there to make one. */
import { spawnSync } from 'node:child_process';

function git(cwd: string, args: string[]) {
  return spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export type GitOutcome = 'committed' | 'initialised' | 'inside-repository' | 'no-git';

export function initRepository(dir: string): GitOutcome {
  const inside = git(dir, ['rev-parse', '--is-inside-work-tree']);
  if (inside.error) return 'no-git';
  // A project made inside another repository (or a worktree) belongs to that one.
  if (inside.status === 0 && inside.stdout.trim() === 'true') return 'inside-repository';
  if (git(dir, ['init', '--quiet', '--initial-branch=main']).status !== 0) {
    if (git(dir, ['init', '--quiet']).status !== 0) return 'no-git';
  }
  if (git(dir, ['add', '--all']).status !== 0) return 'initialised';
  const commit = git(dir, [
    'commit',
    '--quiet',
    '--no-verify',
    '-m',
    'Initial commit from create-ml-cicd',
  ]);
  return commit.status === 0 ? 'committed' : 'initialised';
}
