import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAnswers, type RawAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}

function releaseWorkflow(raw: RawAnswers = {}) {
  const answers = resolveAnswers({ name: 'my-project', release: 'on', ...raw }, 'my-project');
  const text = buildProject(answers, repoAssets).files.get('.github/workflows/release.yml')!;
  return parse(text) as {
    on: Record<string, unknown>;
    jobs: Record<string, { if?: string; permissions: Record<string, string>; steps: Step[] }>;
  };
}

const temp = mkdtempSync(join(tmpdir(), 'ml-cicd-release-check-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// A `gh` stand-in: answers `gh api <path> --jq <filter>` with the environment in GH_ENVIRONMENT
// (JSON) through the real jq, records the path, and fails like gh when GH_FAIL is set.
const gh = join(temp, 'gh');
writeFileSync(
  gh,
  [
    '#!/usr/bin/env bash',
    'echo "$2" > "$GH_LOG"',
    'if [ -n "$GH_FAIL" ]; then echo "gh: Not Found (HTTP 404)" >&2; exit 1; fi',
    'printf "%s" "$GH_ENVIRONMENT" | jq -r "$4"',
    '',
  ].join('\n'),
);
chmodSync(gh, 0o755);

function runCheck(environment: object, env: Record<string, string> = {}) {
  const step = releaseWorkflow().jobs.publish!.steps[0]!;
  const log = join(temp, 'gh.log');
  const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    encoding: 'utf8',
    env: {
      PATH: `${temp}:${process.env.PATH}`,
      GH_LOG: log,
      GH_ENVIRONMENT: JSON.stringify(environment),
      ENVIRONMENT: 'release',
      ...env,
    },
  });
  return { code: ran.status, out: ran.stdout, path: spawnSync('cat', [log]).stdout.toString() };
}

const reviewers = { type: 'required_reviewers', reviewers: [{ type: 'User' }] };
const noProtection =
  '::error::The release environment has no required reviewers and no wait timer, so nothing would stop this release: add one under Settings > Environments > release and re-run this job (a private repository on GitHub Free, Pro or Team cannot: see Releasing the model in the README).\n';

describe('release.yml', () => {
  it('runs for a v* tag or by hand, never for a push to main', () => {
    const { on, jobs } = releaseWorkflow();
    expect(on).toEqual({ push: { tags: ['v*'] }, workflow_dispatch: null });
    expect(jobs.publish!.if).toBe("github.ref_type == 'tag' || github.ref == 'refs/heads/main'");
  });

  it('checks the release environment first, with actions: read and nothing else new', () => {
    const { publish } = releaseWorkflow().jobs;
    expect(publish!.permissions).toEqual({ actions: 'read', contents: 'write' });
    expect(publish!.steps[0]!.name).toBe(
      'Check that the release environment has a protection rule',
    );
  });

  it('with secrets-scope: repo there is no environment to check', () => {
    const { publish } = releaseWorkflow({ secretsScope: 'repo', tracker: 'wandb' }).jobs;
    expect(publish!.permissions).toEqual({ contents: 'write' });
    expect(publish!.steps.some((step) => step.name?.includes('protection rule'))).toBe(false);
  });
});

describe('the protection check of the publish job', () => {
  it('passes an environment with required reviewers, reading repos/{owner}/{repo}/environments/release', () => {
    const ran = runCheck({ name: 'release', protection_rules: [reviewers] });
    expect(ran).toMatchObject({
      code: 0,
      out: 'The release environment is protected by: required_reviewers.\n',
    });
    expect(ran.path.trim()).toBe('repos/{owner}/{repo}/environments/release');
  });

  it('passes a wait timer, but not one of 0 minutes or a branch policy alone', () => {
    const timer = { type: 'wait_timer', wait_timer: 30 };
    expect(runCheck({ protection_rules: [timer] })).toMatchObject({ code: 0 });
    const zero = { type: 'wait_timer', wait_timer: 0 };
    const branches = { type: 'branch_policy' };
    expect(runCheck({ protection_rules: [zero, branches] })).toMatchObject({
      code: 1,
      out: noProtection,
    });
  });

  it('fails an environment GitHub created on the first run, without any rule', () => {
    expect(runCheck({ name: 'release', protection_rules: [] })).toMatchObject({
      code: 1,
      out: noProtection,
    });
    expect(runCheck({ name: 'release' })).toMatchObject({ code: 1, out: noProtection });
  });

  it('fails when the environment cannot be read', () => {
    expect(runCheck({}, { GH_FAIL: '1' })).toMatchObject({ code: 1 });
  });
});
