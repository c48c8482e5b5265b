import { describe, expect, it } from 'vitest';
import type { RawInputs, RunnerEnv } from './inputs.ts';
import { defaultCommentKey, validate } from './validate.ts';

const env: RunnerEnv = {
  workflow: 'Model report',
  job: 'report',
  serverUrl: 'https://github.com',
  repository: 'acme/churn-model',
  runId: '42',
  apiUrl: 'https://api.github.com',
};

const raw = (overrides: Partial<RawInputs> = {}): RawInputs => ({
  metrics: ['outputs/metrics.json'],
  baseline: [],
  baselineArtifact: '',
  gates: '',
  params: [],
  baselineParams: [],
  commentMode: '',
  commentKey: '',
  githubToken: 'ghs_secret',
  apiUrl: '',
  runUrl: '',
  trackerUrl: '',
  ...overrides,
});

describe('validating the inputs', () => {
  it('fills in the defaults from the runner', () => {
    expect(validate(raw(), env)).toMatchObject({
      commentMode: 'sticky',
      commentKey: 'Model-report/report',
      apiUrl: 'https://api.github.com',
      runUrl: 'https://github.com/acme/churn-model/actions/runs/42',
      trackerUrl: undefined,
      gates: [],
    });
  });

  it('links the URL as parsed, never the raw text, so no HTML or Markdown rides along', () => {
    const settings = validate(
      raw({
        runUrl: 'https://ci.example.com/run 1"><img src=x onerror=alert(1)>',
        trackerUrl: 'https://mlflow.example.com/#/runs/1\n![pixel](https://attacker.example/p.png)',
      }),
      env,
    );
    expect(settings.runUrl).toBe(
      'https://ci.example.com/run%201%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E',
    );
    expect(settings.trackerUrl).toBe(
      'https://mlflow.example.com/#/runs/1![pixel](https://attacker.example/p.png)',
    );
  });

  it('keeps what the user set, with the API URL trailing slash dropped', () => {
    const settings = validate(
      raw({
        commentMode: 'new',
        commentKey: 'eval/gpu-a100',
        apiUrl: 'http://127.0.0.1:8080/',
        trackerUrl: 'https://mlflow.example.com/#/runs/1',
        gates: 'accuracy: ">= 0.9"',
      }),
      env,
    );
    expect(settings).toMatchObject({
      commentMode: 'new',
      commentKey: 'eval/gpu-a100',
      apiUrl: 'http://127.0.0.1:8080',
      trackerUrl: 'https://mlflow.example.com/#/runs/1',
    });
    expect(settings.gates).toHaveLength(1);
  });

  it('allows an empty token when it will not comment', () => {
    expect(validate(raw({ commentMode: 'off', githubToken: '' }), env).token).toBe('');
  });

  it.each<[Partial<RawInputs>, string]>([
    [{ metrics: [] }, 'Input "metrics" is required: list the metrics JSON files, one per line.'],
    [
      { commentMode: 'always' },
      'Input "comment-mode" must be one of sticky, new, off (got "always").',
    ],
    [
      { commentKey: 'x --> <b>' },
      'Input "comment-key" may only hold up to 100 letters, digits, ".", "_", "/" and "-" (got "x --> <b>").',
    ],
    [
      { githubToken: '' },
      'Input "github-token" is empty: pass ${{ github.token }}, or set comment-mode to off.',
    ],
    [
      { baselineArtifact: '../model' },
      'Input "baseline-artifact" must be an artifact name of up to 100 letters, digits, ".", "_" and "-" (got "../model").',
    ],
    [
      { baselineArtifact: 'model-baseline', commentMode: 'off', githubToken: '' },
      'Input "github-token" is empty: baseline-artifact needs it to download the artifact; pass ${{ github.token }}.',
    ],
    [
      { baselineParams: ['base/params.json'] },
      'Input "baseline-params" needs "params": there is nothing to compare it with.',
    ],
    [
      { apiUrl: 'api.github.com' },
      'Input "api-url" must be an http(s) URL (got "api.github.com").',
    ],
    [
      { runUrl: 'javascript:alert(1)' },
      'Input "run-url" must be an http(s) URL (got "javascript:alert(1)").',
    ],
    [{ trackerUrl: 'ftp://x/y' }, 'Input "tracker-url" must be an http(s) URL (got "ftp://x/y").'],
    [{ gates: 'accuracy >= 0.9' }, 'Input "gates", line 1: "accuracy >= 0.9" is not a gate;'],
  ])('refuses %j in one sentence naming the input', (overrides, message) => {
    expect(() => validate(raw(overrides), env)).toThrow(message);
  });
});

describe('the default comment key', () => {
  it('is the workflow and job, with only marker-safe characters', () => {
    expect(defaultCommentKey({ ...env, workflow: 'PR: report <-->', job: 'eval' })).toBe(
      'PR-report/eval',
    );
    expect(defaultCommentKey({ ...env, workflow: '', job: '' })).toBe('report');
  });
});
