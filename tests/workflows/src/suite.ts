/** What a test file needs from the suite: its folder, the recording API, and its own project. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Suite } from './act.js';
import type { RecordedCall, RepoState } from './api-server.js';
import { defaultProject, type Project } from './project.js';

export function suite(): Suite {
  return { root: inject('suiteRoot'), apiUrl: inject('apiUrl'), store: inject('store') };
}

/** A default project of its own for a test file; `owner` keeps its API state apart from others'. */
export function projectFor(owner: string): Promise<Project> {
  const root = join(suite().root, owner);
  mkdirSync(root, { recursive: true });
  return defaultProject(root, owner);
}

export async function recording(repository: string): Promise<RecordedCall[]> {
  const calls = (await (
    await fetch(`${suite().apiUrl}/_harness/recording`)
  ).json()) as RecordedCall[];
  return calls.filter((call) => call.path.startsWith(`/repos/${repository}/`));
}

export async function apiState(repository: string): Promise<RepoState> {
  const response = await fetch(
    `${suite().apiUrl}/_harness/state?repo=${encodeURIComponent(repository)}`,
  );
  return (await response.json()) as RepoState;
}

/** Gives an environment of the repository protection rules, as its settings page would. */
export async function protectEnvironment(
  repository: string,
  name: string,
  rules: { type: string }[],
) {
  const query = new URLSearchParams({ repo: repository, name });
  await fetch(`${suite().apiUrl}/_harness/environment?${query}`, {
    method: 'PUT',
    body: JSON.stringify({ protection_rules: rules }),
  });
}
