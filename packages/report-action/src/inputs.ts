/** Reads the action's inputs and what the runner says about this run, once, as plain strings. */
import { existsSync, readFileSync } from 'node:fs';
import * as core from '@actions/core';
import type { EventContext } from './target.ts';

export interface RawInputs {
  metrics: string[];
  baseline: string[];
  baselineArtifact: string;
  gates: string;
  params: string[];
  baselineParams: string[];
  commentMode: string;
  commentKey: string;
  githubToken: string;
  apiUrl: string;
  runUrl: string;
  trackerUrl: string;
}

/** What the runner tells every step, used for defaults. */
export interface RunnerEnv {
  workflow: string;
  job: string;
  serverUrl: string;
  repository: string;
  runId: string;
  apiUrl: string;
}

export function readInputs(): RawInputs {
  return {
    metrics: core.getMultilineInput('metrics'),
    baseline: core.getMultilineInput('baseline'),
    baselineArtifact: core.getInput('baseline-artifact'),
    gates: core.getInput('gates'),
    params: core.getMultilineInput('params'),
    baselineParams: core.getMultilineInput('baseline-params'),
    commentMode: core.getInput('comment-mode'),
    commentKey: core.getInput('comment-key'),
    githubToken: core.getInput('github-token'),
    apiUrl: core.getInput('api-url'),
    runUrl: core.getInput('run-url'),
    trackerUrl: core.getInput('tracker-url'),
  };
}

/** The runner's GITHUB_* variables; '' where one is not set. */
export function readRunnerEnv(env: NodeJS.ProcessEnv = process.env): RunnerEnv {
  return {
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    repository: env.GITHUB_REPOSITORY ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
  };
}

/** The event that started the run, from the file the runner writes its webhook payload to. */
export function readEvent(env: NodeJS.ProcessEnv = process.env): EventContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const path = env.GITHUB_EVENT_PATH;
  const payload =
    path && existsSync(path)
      ? (JSON.parse(readFileSync(path, 'utf8')) as EventContext['payload'])
      : {};
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    repo: { owner, repo },
    actor: env.GITHUB_ACTOR ?? '',
    payload,
  };
}
