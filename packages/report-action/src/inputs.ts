/** Reads the action's inputs and the runner's environment once, as plain strings. */
import * as core from '@actions/core';

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

export function readRunnerEnv(env: NodeJS.ProcessEnv = process.env): RunnerEnv {
  return {
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    repository: env.GITHUB_REPOSITORY ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
  };
}
