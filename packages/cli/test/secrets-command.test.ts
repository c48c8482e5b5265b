/**
 * `ml-cicd secrets`, run as the built bin with a recording `gh` stand-in first on PATH: the exact
 * commands, values only ever on gh's stdin, and one-sentence refusals that change nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installGhStandin } from './gh-standin.js';
import { edit, read, tempDir, write } from './fixtures.js';
import { bin as cli } from './run-bin.js';

const config = (extra = '') => `version: 1
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
environments:
  training:
    secrets: [MLFLOW_TRACKING_USERNAME, MLFLOW_TRACKING_PASSWORD]
    variables: [MLFLOW_TRACKING_URI, MLFLOW_EXPERIMENT_NAME]
${extra}`;

const user = 'dagshub-user Ω';
const password = `p@ss w0rd "it's" $HOME`;
const uri = 'https://dagshub.com/octo/demo.mlflow';

/** Names the tests set stay out of the bin's environment unless a test gives them. */
const unset = {
  MLFLOW_TRACKING_USERNAME: undefined,
  MLFLOW_TRACKING_PASSWORD: undefined,
  MLFLOW_TRACKING_URI: undefined,
  MLFLOW_EXPERIMENT_NAME: undefined,
};

function setup(extra = '') {
  const dir = tempDir();
  const repo = join(dir, 'repo');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  write(repo, 'ml-cicd.yaml', config(extra));
  const gh = installGhStandin(bin);
  const run = (args: string[], env: Record<string, string | undefined> = {}) => {
    const merged = {
      ...process.env,
      ...unset,
      PATH: `${bin}:${process.env.PATH}`,
      GH_STANDIN_LOG: gh.log,
      ...env,
    };
    const clean = Object.fromEntries(
      Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const result = spawnSync(process.execPath, [cli, 'secrets', ...args], {
      cwd: repo,
      env: clean,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return { dir, repo, bin, gh, run };
}

const header = [
  '# The GitHub Environments, secrets and variables of ml-cicd.yaml, for octo/demo.',
  '# gh asks for each value on a terminal (hidden for secrets) or reads it from standard input,',
  '# e.g. printenv NAME | gh secret set NAME ...; ml-cicd secrets --apply runs them all.',
];

describe('ml-cicd secrets, printing the commands', () => {
  it('prints the exact gh commands of the environment, and runs nothing', () => {
    const { run, gh } = setup();
    const result = run(['--repo', 'octo/demo']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        ...header,
        '',
        '# Environment training: create it once (skip this when it exists, so its settings stay as they are).',
        'gh api -X PUT repos/octo/demo/environments/training',
        'gh secret set MLFLOW_TRACKING_USERNAME --env training --repo octo/demo',
        'gh secret set MLFLOW_TRACKING_PASSWORD --env training --repo octo/demo',
        'gh variable set MLFLOW_TRACKING_URI --env training --repo octo/demo',
        'gh variable set MLFLOW_EXPERIMENT_NAME --env training --repo octo/demo',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(0);
    expect(gh.calls()).toEqual([]);
  });

  it('prints repository secrets, and no environment, with secrets-scope: repo', () => {
    const { run } = setup('secrets-scope: repo\n');
    const result = run(['--repo', 'octo/demo']);
    expect(result.stdout).toBe(
      [
        ...header,
        '',
        '# Repository secrets and variables (secrets-scope: repo).',
        'gh secret set MLFLOW_TRACKING_USERNAME --repo octo/demo',
        'gh secret set MLFLOW_TRACKING_PASSWORD --repo octo/demo',
        'gh variable set MLFLOW_TRACKING_URI --repo octo/demo',
        'gh variable set MLFLOW_EXPERIMENT_NAME --repo octo/demo',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['git@github.com:octo/demo.git'],
    ['https://github.com/octo/demo.git'],
    ['https://x-access-token:ghs_notatoken@github.com/octo/demo'],
    ['ssh://git@github.com/octo/demo.git'],
  ])('reads OWNER/REPO from the origin remote %s', (url) => {
    const { repo, run } = setup();
    spawnSync('git', ['init', '-q'], { cwd: repo });
    spawnSync('git', ['remote', 'add', 'origin', url], { cwd: repo });
    const result = run([]);
    expect(result.stdout).toContain(
      'gh secret set MLFLOW_TRACKING_USERNAME --env training --repo octo/demo\n',
    );
    expect(result.code).toBe(0);
  });

  it('says which repository flag to pass when origin is not GitHub, without showing its URL', () => {
    const { repo, run } = setup();
    spawnSync('git', ['init', '-q'], { cwd: repo });
    spawnSync(
      'git',
      ['remote', 'add', 'origin', 'https://me:glpat-secret@gitlab.com/octo/demo.git'],
      {
        cwd: repo,
      },
    );
    const result = run(['--apply']);
    expect(result.stderr).toBe(
      'Could not tell which GitHub repository to set up: the origin remote is not a github.com URL; pass --repo OWNER/REPO.\n',
    );
    expect(result.code).toBe(1);
  });

  it('says so when the folder has no origin remote', () => {
    const { run } = setup();
    const result = run(['--apply'], { GIT_CEILING_DIRECTORIES: '/' });
    expect(result.stderr).toBe(
      'Could not tell which GitHub repository to set up: the folder has no git remote named origin; pass --repo OWNER/REPO.\n',
    );
    expect(result.code).toBe(1);
  });

  it('refuses a malformed --repo and an unknown --environment with exit 2', () => {
    const { run } = setup();
    const repo = run(['--repo', 'octo']);
    expect(repo.stderr).toBe('--repo must be OWNER/REPO, e.g. octo-org/my-project (got "octo").\n');
    expect(repo.code).toBe(2);
    const environment = run(['--repo', 'octo/demo', '--environment', 'prod']);
    expect(environment.stderr).toBe(
      '--environment must be one of training, the environments of ml-cicd.yaml (got "prod").\n',
    );
    expect(environment.code).toBe(2);
  });
});

describe('ml-cicd secrets --apply', () => {
  it('creates the environment and sets each value through stdin only', () => {
    const { dir, run, gh } = setup();
    write(
      dir,
      'values.env',
      `# values\nexport MLFLOW_TRACKING_PASSWORD="${password.replaceAll('"', '\\"')}"\nMLFLOW_TRACKING_URI=${uri}\n`,
    );
    const result = run(['--repo', 'octo/demo', '--apply', '--from-env', '../values.env'], {
      MLFLOW_TRACKING_USERNAME: user,
      MLFLOW_EXPERIMENT_NAME: 'demo',
    });
    expect(gh.calls()).toEqual([
      { args: ['--version'], stdin: '' },
      { args: ['auth', 'status'], stdin: '' },
      { args: ['api', 'repos/octo/demo/environments/training'], stdin: '' },
      { args: ['api', '-X', 'PUT', 'repos/octo/demo/environments/training'], stdin: '' },
      {
        args: [
          'secret',
          'set',
          'MLFLOW_TRACKING_USERNAME',
          '--env',
          'training',
          '--repo',
          'octo/demo',
        ],
        stdin: user,
      },
      {
        args: [
          'secret',
          'set',
          'MLFLOW_TRACKING_PASSWORD',
          '--env',
          'training',
          '--repo',
          'octo/demo',
        ],
        stdin: password,
      },
      {
        args: [
          'variable',
          'set',
          'MLFLOW_TRACKING_URI',
          '--env',
          'training',
          '--repo',
          'octo/demo',
        ],
        stdin: uri,
      },
      {
        args: [
          'variable',
          'set',
          'MLFLOW_EXPERIMENT_NAME',
          '--env',
          'training',
          '--repo',
          'octo/demo',
        ],
        stdin: 'demo',
      },
    ]);
    expect(result.stdout).toBe(
      [
        'Created environment training: add required reviewers and limit it to main under Settings → Environments.',
        'Set secret MLFLOW_TRACKING_USERNAME in environment training of octo/demo, from the process environment.',
        'Set secret MLFLOW_TRACKING_PASSWORD in environment training of octo/demo, from ../values.env.',
        'Set variable MLFLOW_TRACKING_URI in environment training of octo/demo, from ../values.env.',
        'Set variable MLFLOW_EXPERIMENT_NAME in environment training of octo/demo, from the process environment.',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const value of [user, password]) {
      expect(
        gh
          .calls()
          .flatMap((call) => call.args)
          .join('\n'),
      ).not.toContain(value);
      expect(result.stdout + result.stderr).not.toContain(value);
    }
  });

  it('leaves an existing environment as it is, and sets repository secrets with secrets-scope: repo', () => {
    const environment = setup();
    environment.run(['--repo', 'octo/demo', '--apply'], {
      GH_STANDIN_ENVIRONMENTS: 'training',
      MLFLOW_TRACKING_USERNAME: user,
    });
    expect(environment.gh.calls().map((call) => call.args.join(' '))).not.toContain(
      'api -X PUT repos/octo/demo/environments/training',
    );

    const repository = setup('secrets-scope: repo\n');
    const result = repository.run(['--repo', 'octo/demo', '--apply'], {
      MLFLOW_TRACKING_USERNAME: user,
    });
    expect(repository.gh.calls().slice(2)).toEqual([
      { args: ['secret', 'set', 'MLFLOW_TRACKING_USERNAME', '--repo', 'octo/demo'], stdin: user },
    ]);
    expect(result.stdout).toBe(
      'Set secret MLFLOW_TRACKING_USERNAME in octo/demo, from the process environment.\n',
    );
  });

  it('skips empty values and reports missing names by name, exiting 1', () => {
    const { dir, run, gh } = setup();
    write(dir, 'values.env', 'MLFLOW_TRACKING_USERNAME=\nMLFLOW_EXPERIMENT_NAME=demo\n');
    const result = run(['--repo', 'octo/demo', '--apply', '--from-env', '../values.env']);
    expect(
      gh
        .calls()
        .slice(4)
        .map((call) => call.args[2]),
    ).toEqual(['MLFLOW_EXPERIMENT_NAME']);
    expect(result.stdout).toContain(
      'Skipped, as their value is empty: MLFLOW_TRACKING_USERNAME.\n',
    );
    expect(result.stderr).toBe(
      'Missing, with no value in the process environment or ../values.env: MLFLOW_TRACKING_PASSWORD, MLFLOW_TRACKING_URI. Set them and run again.\n',
    );
    expect(result.code).toBe(1);
  });

  it('masks a value that gh writes back in its error', () => {
    const { run } = setup();
    const result = run(['--repo', 'octo/demo', '--apply'], {
      GH_STANDIN_FAIL_SET: 'MLFLOW_TRACKING_PASSWORD',
      MLFLOW_TRACKING_PASSWORD: password,
      MLFLOW_TRACKING_USERNAME: user,
      MLFLOW_TRACKING_URI: uri,
      MLFLOW_EXPERIMENT_NAME: 'demo',
    });
    expect(result.stderr).toBe(
      'Failed: gh secret set MLFLOW_TRACKING_PASSWORD --env training --repo octo/demo (failed to set MLFLOW_TRACKING_PASSWORD: could not use ***).\n',
    );
    expect(result.stdout + result.stderr).not.toContain(password);
    expect(result.code).toBe(1);
  });

  it('says in one sentence that gh is not installed, and changes nothing', () => {
    const { dir, run, gh } = setup();
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const result = run(['--repo', 'octo/demo', '--apply'], {
      PATH: empty,
      MLFLOW_TRACKING_USERNAME: user,
    });
    expect(result.stderr).toBe(
      'gh, the GitHub CLI, is not installed or not on PATH, so nothing was changed: install it from https://cli.github.com, run gh auth login, and try again (ml-cicd secrets without --apply prints the commands).\n',
    );
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
    expect(gh.calls()).toEqual([]);
  });

  it('says in one sentence that gh is not logged in, and changes nothing', () => {
    const { run, gh } = setup();
    const result = run(['--repo', 'octo/demo', '--apply'], {
      GH_STANDIN_LOGGED_OUT: '1',
      MLFLOW_TRACKING_USERNAME: user,
    });
    expect(result.stderr).toBe(
      'gh is not logged in to GitHub (gh auth status failed), so nothing was changed: run gh auth login, and try again.\n',
    );
    expect(result.code).toBe(1);
    expect(gh.calls().map((call) => call.args.join(' '))).toEqual(['--version', 'auth status']);
  });

  it('stops when GitHub refuses the environment, pointing at secrets-scope: repo', () => {
    const { run, gh } = setup();
    const result = run(['--repo', 'octo/demo', '--apply'], {
      GH_STANDIN_NO_ENVIRONMENTS: '1',
      MLFLOW_TRACKING_USERNAME: user,
    });
    expect(result.stderr).toBe(
      'GitHub did not create the environment training of octo/demo (gh: Failed to create the environment (HTTP 422)), so its secrets and variables were not set: environments on a private repository need a paid plan; where that is not possible, set "secrets-scope: repo" in ml-cicd.yaml (docs/guide/secrets.md says what that loses).\n',
    );
    expect(result.code).toBe(1);
    expect(gh.calls().filter((call) => call.args[1] === 'set')).toEqual([]);
  });

  it('names the file and line of a malformed dotenv line, never its content, and runs nothing', () => {
    const { dir, run, gh } = setup();
    write(dir, 'values.env', `MLFLOW_TRACKING_URI=${uri}\n${password}\n`);
    const result = run(['--repo', 'octo/demo', '--apply', '--from-env', '../values.env']);
    expect(result.stderr).toBe(
      '../values.env:2 has no NAME= part; write it as NAME=value (the line is not shown, as it may hold a secret).\n',
    );
    expect(result.code).toBe(1);
    expect(gh.calls()).toEqual([]);
  });

  it('--dry-run shows what would run and where each value comes from, and runs nothing', () => {
    const { run, gh } = setup('secrets-scope: repo\n');
    const result = run(['--repo', 'octo/demo', '--dry-run'], {
      MLFLOW_TRACKING_USERNAME: user,
      MLFLOW_TRACKING_PASSWORD: password,
      MLFLOW_TRACKING_URI: uri,
      MLFLOW_EXPERIMENT_NAME: '',
    });
    expect(result.stdout).toBe(
      [
        'gh secret set MLFLOW_TRACKING_USERNAME --repo octo/demo   # value on stdin, from the process environment',
        'gh secret set MLFLOW_TRACKING_PASSWORD --repo octo/demo   # value on stdin, from the process environment',
        'gh variable set MLFLOW_TRACKING_URI --repo octo/demo   # value on stdin, from the process environment',
        'Skipped, as their value is empty: MLFLOW_EXPERIMENT_NAME.',
        'Dry run: nothing was changed.',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(0);
    expect(gh.calls()).toEqual([]);
  });
});

const dvcEnvironments = `  data-read:
    secrets: [DAGSHUB_TOKEN]
    variables: [DAGSHUB_USER]
  data:
    secrets: [DAGSHUB_TOKEN]
    variables: [DAGSHUB_USER]
`;
const mlflowValues = {
  MLFLOW_TRACKING_USERNAME: user,
  MLFLOW_TRACKING_PASSWORD: password,
  MLFLOW_TRACKING_URI: uri,
  MLFLOW_EXPERIMENT_NAME: 'demo',
};
const setCalls = (calls: { args: string[]; stdin: string }[]) =>
  calls
    .filter((call) => call.args[1] === 'set')
    .map((call) => `${call.args.join(' ')} <- ${call.stdin}`);

describe('ml-cicd secrets, against what a security review found', () => {
  it('gives data-read a read-only credential of its own, never the one that writes, and no reviewers', () => {
    const { run, gh } = setup(dvcEnvironments);
    const result = run(['--repo', 'octo/demo', '--apply'], {
      ...mlflowValues,
      DAGSHUB_USER: 'octo',
      DAGSHUB_TOKEN: 'write-token-0123',
      DAGSHUB_TOKEN_READ: 'read-token-4567',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const dagshub = setCalls(gh.calls()).filter((call) => call.includes('DAGSHUB'));
    expect(dagshub).toEqual([
      'secret set DAGSHUB_TOKEN --env data-read --repo octo/demo <- read-token-4567',
      'variable set DAGSHUB_USER --env data-read --repo octo/demo <- octo',
      'secret set DAGSHUB_TOKEN --env data --repo octo/demo <- write-token-0123',
      'variable set DAGSHUB_USER --env data --repo octo/demo <- octo',
    ]);
    expect(result.stdout).toContain(
      'Created environment data-read: it holds read-only credentials for pull requests, so give it no reviewers.\n',
    );
    expect(result.stdout).not.toMatch(/data-read: add required reviewers/);
    expect(result.stdout).toContain(
      'Set secret DAGSHUB_TOKEN in environment data-read of octo/demo, from DAGSHUB_TOKEN_READ in the process environment.\n',
    );
  });

  it('never copies the credential that writes into data-read, even when given as its read-only one', () => {
    const { run, gh } = setup(dvcEnvironments);
    const result = run(['--repo', 'octo/demo', '--apply'], {
      ...mlflowValues,
      DAGSHUB_USER: 'octo',
      DAGSHUB_TOKEN: 'write-token-0123',
      DAGSHUB_TOKEN_READ: 'write-token-0123',
    });
    expect(setCalls(gh.calls()).filter((call) => call.includes('data-read'))).toEqual([
      'variable set DAGSHUB_USER --env data-read --repo octo/demo <- octo',
    ]);
    expect(result.stderr).toBe(
      'Not set, as each has the same value as the credential that writes: DAGSHUB_TOKEN_READ; give the read-only environment a credential that can only read.\n',
    );
    expect(result.code).toBe(1);
  });

  it('masks every line of a multi-line secret that gh echoes back', () => {
    const { run } = setup();
    const key = 'first-line-of-the-key-9f8e7d\nsecond-line-of-the-key-6c5b4a\n';
    const result = run(['--repo', 'octo/demo', '--apply'], {
      ...mlflowValues,
      MLFLOW_TRACKING_PASSWORD: key,
      GH_STANDIN_FAIL_SET: 'MLFLOW_TRACKING_PASSWORD',
    });
    expect(result.stderr).toBe(
      'Failed: gh secret set MLFLOW_TRACKING_PASSWORD --env training --repo octo/demo (failed to set MLFLOW_TRACKING_PASSWORD: could not use ***).\n',
    );
    expect(result.stdout + result.stderr).not.toMatch(/line-of-the-key/);
    expect(result.code).toBe(1);
  });

  it.each([
    ['variables', 'GH_TOKEN', 'is the platform'],
    ['secrets', 'AWS_SECRET_ACCESS_KEY', 'is the platform'],
    ['variables', 'HF_TOKEN', 'names a secret, but variables are stored and shown in plain text'],
  ])('refuses %s: [%s] from ml-cicd.yaml, and runs nothing', (list, name, why) => {
    const { repo, run, gh } = setup();
    edit(repo, 'ml-cicd.yaml', `${list}: [`, `${list}: [${name}, `);
    const values = { ...mlflowValues, [name]: 'ghp_users0wnT0ken' };
    const result = run(['--repo', 'octo/demo', '--apply'], values);
    expect(result.stderr).toMatch(
      new RegExp(
        `^ml-cicd\\.yaml is not valid, so nothing was set up: ml-cicd\\.yaml:\\d+:\\d+: environments\\.training\\.${list}\\[0\\] ${name} ${why}`,
      ),
    );
    expect(result.code).toBe(1);
    // With the validate rule turned off, the command still refuses.
    write(repo, 'ml-cicd.yaml', `${read(repo, 'ml-cicd.yaml')}rules: {credential-names: off}\n`);
    const unchecked = run(['--repo', 'octo/demo', '--apply'], values);
    expect(unchecked.stderr).toMatch(
      new RegExp(
        `^Nothing was set up: environments\\.training\\.${list} in ml-cicd\\.yaml lists ${name}, which ${why}`,
      ),
    );
    expect(unchecked.code).toBe(1);
    expect(result.stdout + result.stderr + unchecked.stdout).not.toContain('ghp_users0wnT0ken');
    expect(gh.calls()).toEqual([]);
  });

  it('leaves optional variables to their default with a .env filled from .env.example', () => {
    const { dir, repo, run } = setup();
    edit(
      repo,
      'ml-cicd.yaml',
      'MLFLOW_EXPERIMENT_NAME]',
      'MLFLOW_EXPERIMENT_NAME, MLFLOW_AUTOLOG]',
    );
    write(
      repo,
      '.env.example',
      '# Experiment the runs go to.\n# MLFLOW_EXPERIMENT_NAME=demo-project\n\n# true: autolog.\n# MLFLOW_AUTOLOG=false\nMLFLOW_TRACKING_URI=\nMLFLOW_TRACKING_USERNAME=\nMLFLOW_TRACKING_PASSWORD=\n',
    );
    write(
      dir,
      '.env',
      `# MLFLOW_EXPERIMENT_NAME=demo-project\n# MLFLOW_AUTOLOG=false\nMLFLOW_TRACKING_URI=${uri}\nMLFLOW_TRACKING_USERNAME=octo\nMLFLOW_TRACKING_PASSWORD=pw-123456\n`,
    );
    const result = run(['--repo', 'octo/demo', '--dry-run', '--from-env', '../.env']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      'Left unset, so their default applies (.env.example shows it): MLFLOW_EXPERIMENT_NAME, MLFLOW_AUTOLOG.\n',
    );
    expect(result.code).toBe(0);
  });

  it('--dry-run names each missing value once and, like printing, needs no git remote', () => {
    const { run, gh } = setup(dvcEnvironments);
    const dry = run(['--dry-run'], mlflowValues);
    expect(dry.stdout.split('\n')[0]).toBe(
      '# No GitHub remote: replace OWNER/REPO, or pass --repo OWNER/REPO (--apply needs one).',
    );
    expect(dry.stderr).toBe(
      'Missing, with no value in the process environment: DAGSHUB_TOKEN_READ, DAGSHUB_USER, DAGSHUB_TOKEN. Set them and run again.\n',
    );
    expect(dry.code).toBe(1);
    const printed = run([]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(
      'gh secret set DAGSHUB_TOKEN --env data-read --repo OWNER/REPO   # a read-only credential, never the one that writes (--apply reads DAGSHUB_TOKEN_READ)\n',
    );
    expect(run(['--apply']).code).toBe(1);
    expect(gh.calls()).toEqual([]);
  });

  it('with a self-hosted runner, makes every outside contributor wait for approval', () => {
    const { repo, run, gh } = setup();
    edit(repo, 'ml-cicd.yaml', 'kind: hosted', 'kind: self-hosted');
    const result = run(['--repo', 'octo/demo', '--apply'], mlflowValues);
    expect(gh.calls()[4]).toEqual({
      args: [
        'api',
        '-X',
        'PUT',
        'repos/octo/demo/actions/permissions/fork-pr-contributor-approval',
        '-f',
        'approval_policy=all_external_contributors',
      ],
      stdin: '',
    });
    expect(result.stdout).toContain(
      'Fork pull requests of every outside contributor now wait for approval before their workflows run in octo/demo.\n',
    );
    expect(result.code).toBe(0);
  });
});
