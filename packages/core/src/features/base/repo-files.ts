/** Repository housekeeping files of the default project: Dependabot, pre-commit and zizmor. */
import type { ProjectModel } from '../../model.js';

export function dependabot(model: ProjectModel): unknown {
  // A cooldown lets a release settle (and be yanked if bad) before a pin moves to it.
  const common = { schedule: { interval: 'weekly' }, cooldown: { 'default-days': 7 } };
  return {
    version: 2,
    updates: [
      { 'package-ecosystem': 'pip', directory: '/', ...common },
      {
        'package-ecosystem': 'github-actions',
        directories: ['/', '/.github/actions/*'],
        ...common,
      },
      ...model.dependabot.map((update) => ({ ...update, ...common })),
    ],
  };
}

/** Hooks run the tools of the project's own venv, so nothing is fetched beyond the hashed locks. */
export function preCommit(): unknown {
  const hook = (id: string, name: string, entry: string) => ({
    id,
    name,
    entry,
    language: 'system',
    types: ['python'],
  });
  return {
    repos: [
      {
        repo: 'local',
        hooks: [
          hook('ruff-check', 'ruff check', 'ruff check --fix'),
          hook('ruff-format', 'ruff format', 'ruff format'),
        ],
      },
    ],
  };
}

export function zizmorConfig(): unknown {
  return { rules: { 'self-repository': { disable: true } } };
}

export const zizmorNote = [
  'zizmor settings for these workflows.',
  'self-repository is off: zizmor suggests `uses: $/...` for local workflows and actions, but',
  'actionlint (up to 1.7.12) rejects that form, so the workflows keep `uses: ./...`.',
].join('\n');
