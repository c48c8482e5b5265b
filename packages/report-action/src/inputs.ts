/** Reads the action's inputs and what the runner says about this run, once, as plain strings. */
import * as core from '@actions/core';
import { context } from '@actions/github';

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

export function readRunnerEnv(): RunnerEnv {
  const { owner, repo } = context.repo;
  // The context's fields are undefined (NaN for the run) where the runner did not set them.
  return {
    workflow: context.workflow ?? '',
    job: context.job ?? '',
    serverUrl: context.serverUrl,
    repository: `${owner}/${repo}`,
    runId: Number.isNaN(context.runId) ? '' : String(context.runId),
    apiUrl: context.apiUrl,
  };
}
