/** Turns the raw inputs into settings, or one sentence naming the input that is wrong. */
import { InputError } from './errors.ts';
import { parseGates, type Gate } from './gates.ts';
import type { RawInputs, RunnerEnv } from './inputs.ts';

export const COMMENT_MODES = ['sticky', 'new', 'off'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

export interface Settings {
  metrics: string[];
  baseline: string[];
  /** An artifact of the base branch's runs that holds the baseline files. */
  baselineArtifact?: string;
  gates: Gate[];
  params: string[];
  baselineParams: string[];
  commentMode: CommentMode;
  /** Goes into the hidden marker `<!-- ml-cicd-report:KEY -->` that finds the sticky comment. */
  commentKey: string;
  token: string;
  apiUrl: string;
  runUrl?: string;
  trackerUrl?: string;
}

const KEY = /^[A-Za-z0-9._/-]{1,100}$/;
const ARTIFACT = /^[A-Za-z0-9._-]{1,100}$/;

/** The URL as parsed (spaces, quotes and angle brackets percent-encoded), never the raw text. */
function url(name: string, value: string): string | undefined {
  if (value === '') return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
    throw new InputError(`Input "${name}" must be an http(s) URL (got "${value}").`);
  }
  return parsed.href;
}

/** The default key: one sticky comment per workflow and job, so two jobs never overwrite each other. */
export function defaultCommentKey(env: RunnerEnv): string {
  const clean = (part: string) =>
    part
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '');
  const key = [clean(env.workflow), clean(env.job)].filter(Boolean).join('/').slice(0, 100);
  return key || 'report';
}

export function validate(raw: RawInputs, env: RunnerEnv): Settings {
  if (raw.metrics.length === 0) {
    throw new InputError('Input "metrics" is required: list the metrics JSON files, one per line.');
  }
  const commentMode = (raw.commentMode || 'sticky') as CommentMode;
  if (!COMMENT_MODES.includes(commentMode)) {
    throw new InputError(
      `Input "comment-mode" must be one of ${COMMENT_MODES.join(', ')} (got "${raw.commentMode}").`,
    );
  }
  if (raw.commentKey !== '' && !KEY.test(raw.commentKey)) {
    throw new InputError(
      `Input "comment-key" may only hold up to 100 letters, digits, ".", "_", "/" and "-" (got "${raw.commentKey}").`,
    );
  }
  if (commentMode !== 'off' && raw.githubToken === '') {
    throw new InputError(
      'Input "github-token" is empty: pass ${{ github.token }}, or set comment-mode to off.',
    );
  }
  if (raw.baselineArtifact !== '' && !ARTIFACT.test(raw.baselineArtifact)) {
    throw new InputError(
      `Input "baseline-artifact" must be an artifact name of up to 100 letters, digits, ".", "_" and "-" (got "${raw.baselineArtifact}").`,
    );
  }
  if (raw.baselineArtifact !== '' && raw.githubToken === '') {
    throw new InputError(
      'Input "github-token" is empty: baseline-artifact needs it to download the artifact; pass ${{ github.token }}.',
    );
  }
  if (raw.baselineParams.length > 0 && raw.params.length === 0) {
    throw new InputError(
      'Input "baseline-params" needs "params": there is nothing to compare it with.',
    );
  }
  const defaultRunUrl =
    env.repository && env.runId
      ? `${env.serverUrl}/${env.repository}/actions/runs/${env.runId}`
      : '';
  return {
    metrics: raw.metrics,
    baseline: raw.baseline,
    ...(raw.baselineArtifact ? { baselineArtifact: raw.baselineArtifact } : {}),
    gates: parseGates(raw.gates),
    params: raw.params,
    baselineParams: raw.baselineParams,
    commentMode,
    commentKey: raw.commentKey || defaultCommentKey(env),
    token: raw.githubToken,
    apiUrl: (url('api-url', raw.apiUrl) ?? env.apiUrl).replace(/\/+$/, ''),
    runUrl: url('run-url', raw.runUrl || defaultRunUrl),
    trackerUrl: url('tracker-url', raw.trackerUrl),
  };
}
