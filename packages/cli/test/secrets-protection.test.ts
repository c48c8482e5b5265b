/**
 * `ml-cicd secrets --apply` protects the release environment before its first run (issue 16):
 * against the stateful `gh` stand-in, whose environments API answers as GitHub's does and whose
 * PUT replaces an environment's settings, so anything the command failed to send back is lost.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installGhStandin } from './gh-standin.js';
import { tempDir, write } from './fixtures.js';
import { bin as cli } from './run-bin.js';

const config = `version: 1
project:
  name: demo-project
  package: demo_project
python: "3.12"
params: {}
metrics:
  file: outputs/metrics.json
  gates: []
outputs:
  dir: outputs
runner:
  kind: hosted
  timeout-minutes: 60
tracker:
  kind: mlflow
environments:
  training:
    secrets: []
    variables: []
  release:
    secrets: [MLFLOW_TRACKING_PASSWORD]
    variables: []
  template-update:
    secrets: []
    variables: []
`;

const password = 'release-pw-8c1f0e';

function setup() {
  const dir = tempDir();
  const repo = join(dir, 'repo');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  write(repo, 'ml-cicd.yaml', config);
  const gh = installGhStandin(bin);
  const run = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, [cli, 'secrets', '--repo', 'octo/demo', ...args], {
      cwd: repo,
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        GH_STANDIN_LOG: gh.log,
        MLFLOW_TRACKING_PASSWORD: password,
        ...env,
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  /** The calls that change something on GitHub, as `METHOD path stdin-or-fields`. */
  const changes = (from = 0) =>
    gh
      .calls()
      .slice(from)
      .filter((call) => call.args[0] === 'api' && call.args[1] === '-X')
      .map((call) => [call.args[2], call.args[3], ...call.args.slice(4)].join(' ') + call.stdin);
  return { gh, run, changes };
}

const branchPolicy = { protected_branches: false, custom_branch_policies: true };

describe('ml-cicd secrets --apply, protecting the release environment', () => {
  it('creates release with the gh user as its reviewer and main and v* tags only, then changes nothing', () => {
    const { gh, run, changes } = setup();
    const first = run(['--apply']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        'Created environment training: add required reviewers and limit it to main under Settings → Environments.',
        'Created environment release.',
        'Environment release waits for @octo to approve each run; as no one else could, whoever started it may approve it (a second --reviewer turns that off).',
        'Environment release can be used only from main and v* tags.',
        'Created environment template-update.',
        'Environment template-update can be used only from main.',
        'Set secret MLFLOW_TRACKING_PASSWORD in environment release of octo/demo, from the process environment.',
        '',
      ].join('\n'),
    );
    expect(gh.environments()).toEqual({
      training: { policies: [] },
      release: {
        deployment_branch_policy: branchPolicy,
        reviewers: [{ type: 'User', id: 1001 }],
        prevent_self_review: false,
        policies: [
          { name: 'main', type: 'branch' },
          { name: 'v*', type: 'tag' },
        ],
      },
      'template-update': {
        deployment_branch_policy: branchPolicy,
        policies: [{ name: 'main', type: 'branch' }],
      },
    });

    const before = gh.calls().length;
    const second = run(['--apply']);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(
      [
        'Environment training exists: its protection rules are left as they are.',
        'Environment release exists with its protection rules and deployment branches: left as it is.',
        'Environment template-update exists with its protection rules and deployment branches: left as it is.',
        'Set secret MLFLOW_TRACKING_PASSWORD in environment release of octo/demo, from the process environment.',
        '',
      ].join('\n'),
    );
    expect(changes(before)).toEqual([]);
    for (const output of [first, second]) {
      expect(output.stdout + output.stderr).not.toContain(password);
    }
    expect(
      gh
        .calls()
        .flatMap((call) => [...call.args, call.args[1] === 'set' ? '' : call.stdin])
        .join('\n'),
    ).not.toContain(password);
  });

  it('resolves --reviewer users and teams to ids and then prevents self-review', () => {
    const { gh, run } = setup();
    const result = run(
      ['--apply', '--environment', 'release', '--reviewer', 'alice', '--reviewer', 'octo-org/ml'],
      { GH_STANDIN_USERS: 'alice:2002', GH_STANDIN_TEAMS: 'octo-org/ml:3003' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      'Environment release waits for @alice, @octo-org/ml to approve each run, and whoever started a run cannot approve it.\n',
    );
    expect(gh.environments().release).toMatchObject({
      reviewers: [
        { type: 'User', id: 2002 },
        { type: 'Team', id: 3003 },
      ],
      prevent_self_review: true,
    });
    expect(gh.calls().map((call) => call.args.join(' '))).toContain('api users/alice');
  });

  it('changes nothing when a reviewer is unknown, and refuses a malformed one before gh runs', () => {
    const { gh, run, changes } = setup();
    const unknown = run(['--apply', '--environment', 'release', '--reviewer', 'nobody-here']);
    expect(unknown.stderr).toBe(
      'Could not find the id of @nobody-here on GitHub (gh: Not Found (HTTP 404)), so no environment was protected: check the login or ORG/TEAM-SLUG given to --reviewer.\n',
    );
    expect(unknown.code).toBe(1);
    expect(changes()).toEqual([]);

    const calls = gh.calls().length;
    const malformed = run(['--apply', '--reviewer', 'octo org']);
    expect(malformed.stderr).toBe(
      `--reviewer must be a user's login or ORG/TEAM-SLUG, e.g. octocat or octo-org/ml-reviewers (got "octo org").\n`,
    );
    expect(malformed.code).toBe(2);
    const many = run(['--apply', ...'abcdefg'.split('').flatMap((name) => ['--reviewer', name])]);
    expect(many.stderr).toBe(
      'GitHub takes at most 6 required reviewers per environment (got 7 --reviewer flags).\n',
    );
    expect(gh.calls().length).toBe(calls);
  });

  it('protects a release environment GitHub made on first use, and keeps what one already has', () => {
    const unprotected = setup();
    const made = unprotected.run(['--apply', '--environment', 'release'], {
      GH_STANDIN_ENVIRONMENTS: 'release',
    });
    expect(made.stdout).toContain(
      'Environment release exists: added what it lacked, keeping its own rules.\n',
    );
    expect(unprotected.gh.environments().release).toMatchObject({
      reviewers: [{ type: 'User', id: 1001 }],
      deployment_branch_policy: branchPolicy,
    });

    expect(unprotected.gh.calls().map((call) => call.args.join(' '))).toContain('api user');

    // A team's own reviewers and wait timer stay: only the deployment branches are added.
    const team = setup();
    const own = { wait_timer: 10, reviewers: [{ type: 'Team', id: 5 }], prevent_self_review: true };
    writeFileSync(`${team.gh.log}.state.json`, JSON.stringify({ environments: { release: own } }));
    const kept = team.run(['--apply', '--environment', 'release']);
    expect(kept.code).toBe(0);
    expect(team.gh.environments().release).toEqual({
      ...own,
      deployment_branch_policy: branchPolicy,
      policies: [
        { name: 'main', type: 'branch' },
        { name: 'v*', type: 'tag' },
      ],
    });
    expect(team.gh.calls().map((call) => call.args.join(' '))).not.toContain('api user');
  });

  it('falls back to a wait timer when GitHub refuses reviewers', () => {
    const { gh, run, changes } = setup();
    const seeded = run(['--apply', '--environment', 'release'], {
      GH_STANDIN_REFUSE: 'reviewers',
      GH_STANDIN_DEFAULT_BRANCH: 'trunk',
    });
    expect(seeded.stdout).toContain(
      'GitHub refused required reviewers for environment release of octo/demo (gh: Fail to create protected rule, please ensure billing plan include protected branch gate. (HTTP 422)): it waits 30 minutes before each run instead, time to cancel one nobody meant, but nobody approves it.\n',
    );
    expect(seeded.stdout).toContain(
      'Environment release can be used only from trunk and v* tags.\n',
    );
    expect(seeded.code).toBe(0);
    expect(gh.environments().release).toEqual({
      wait_timer: 30,
      deployment_branch_policy: branchPolicy,
      policies: [
        { name: 'trunk', type: 'branch' },
        { name: 'v*', type: 'tag' },
      ],
    });
    expect(changes().filter((change) => change.startsWith('PUT'))).toEqual([
      `PUT repos/octo/demo/environments/release --input -${JSON.stringify({
        deployment_branch_policy: branchPolicy,
        reviewers: [{ type: 'User', id: 1001 }],
        prevent_self_review: false,
      })}`,
      `PUT repos/octo/demo/environments/release --input -${JSON.stringify({
        deployment_branch_policy: branchPolicy,
        wait_timer: 30,
      })}`,
    ]);
  });

  it('says how to release from a private repository when GitHub refuses reviewers and wait timers', () => {
    const { gh, run } = setup();
    const result = run(['--apply', '--environment', 'release'], {
      GH_STANDIN_REFUSE: 'reviewers,wait_timer',
    });
    expect(result.stderr).toBe(
      'GitHub refused required reviewers and a wait timer for environment release of octo/demo (gh: Fail to create protected rule, please ensure billing plan include protected branch gate. (HTTP 422)): a private repository needs GitHub Enterprise for either, so release.yml refuses to publish through it. Make the repository public, or set "secrets-scope: repo" in ml-cicd.yaml and let a tag ruleset limit who may push v* tags (Settings → Rules → Rulesets; docs/guide/secrets.md).\n',
    );
    expect(result.code).toBe(1);
    // What the plan allows is still set: the deployment branches, and the secret.
    expect(gh.environments().release).toEqual({
      deployment_branch_policy: branchPolicy,
      policies: [
        { name: 'main', type: 'branch' },
        { name: 'v*', type: 'tag' },
      ],
    });
    expect(result.stdout).toContain('Set secret MLFLOW_TRACKING_PASSWORD in environment release');
  });

  it('prints and dry-runs the protection without calling gh', () => {
    const { gh, run } = setup();
    const printed = run([]);
    expect(printed.stdout).toContain(
      [
        'gh api -X PUT repos/octo/demo/environments/release',
        '# Then, before its first run, protect it under Settings → Environments → release: required reviewers, deployment branches and tags: the default branch and v* tags (ml-cicd secrets --apply does it).',
        'gh secret set MLFLOW_TRACKING_PASSWORD --env release --repo octo/demo',
      ].join('\n'),
    );
    const dry = run(['--dry-run', '--reviewer', 'alice']);
    expect(dry.stdout).toContain(
      'Would protect environment release, keeping what it has: required reviewers @alice when it has none and no wait timer, deployments only from the default branch and v* tags when it has no deployment branch policy.\n',
    );
    expect(dry.stdout).toContain(
      'Would protect environment template-update, keeping what it has: deployments only from the default branch when it has no deployment branch policy.\n',
    );
    expect(dry.code).toBe(0);
    expect(gh.calls()).toEqual([]);
  });
});
