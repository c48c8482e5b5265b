/** What a test file needs from the suite: its folder, the recording API, and its own project. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RawAnswers } from '@ml-cicd/core';
import { inject } from 'vitest';
import { runAct, type ActRequest, type ActResult, type Suite } from './act.js';
import type { RecordedCall, RepoState } from './api-server.js';
import { dispatchEvent } from './events.js';
import { defaultProject, type Project } from './project.js';

export function suite(): Suite {
  return { root: inject('suiteRoot'), apiUrl: inject('apiUrl'), store: inject('store') };
}

/**
 * A project of its own for a test file, the default one or rendered with `answers` (as their
 * flags would give them); `owner` keeps its API state apart from others'.
 */
export function projectFor(owner: string, answers: RawAnswers = {}): Promise<Project> {
  const root = join(suite().root, owner);
  mkdirSync(root, { recursive: true });
  return defaultProject(root, owner, answers);
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

/** Runs train.yml as the Actions tab's "Run workflow" button does, with these inputs. */
export function dispatchTrain(
  project: Project,
  inputs: Record<string, string>,
  options: Pick<ActRequest, 'runId' | 'vars' | 'secrets' | 'env'>,
): Promise<ActResult> {
  return runAct(suite(), {
    project,
    workflow: 'train.yml',
    event: 'workflow_dispatch',
    payload: dispatchEvent(project, inputs),
    inputs,
    ...options,
  });
}
