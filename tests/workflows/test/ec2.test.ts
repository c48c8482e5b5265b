import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { job, runAct, summary, tail, type ActResult, type StepResult } from '../src/act.js';
import { artifactOfRun } from '../src/artifact-store.js';
import { cloudLedger, type LedgerEntry } from '../src/cloud-ledger.js';
import { dispatchEvent, pushEvent } from '../src/events.js';
import type { Project } from '../src/project.js';
import { apiState, projectFor, protectEnvironment, suite } from '../src/suite.js';
import { remoteUses, standInFolder } from '../src/uses.js';

const START = 'Start the training runner on EC2';
const TRAIN = 'Train the model';
const STOP = 'Terminate the training runner';

const region = 'eu-west-2';
const startRole = 'arn:aws:iam::123456789012:role/demo-project-ec2-runner-start';
const stopRole = 'arn:aws:iam::123456789012:role/demo-project-ec2-runner-stop';

/** The variables infra/aws/README.md has the user set, with values of the documented forms. */
const variables = {
  AWS_ROLE_ARN: startRole,
  AWS_REGION: region,
  EC2_IMAGE_ID: 'ami-0123456789abcdef0',
  EC2_SUBNET_IDS: 'subnet-0aaaa1111,subnet-0bbbb2222',
  EC2_SECURITY_GROUP_ID: 'sg-0123456789abcdef0',
  RUNNER_APP_CLIENT_ID: 'Iv23liStandInClient',
  AWS_STOP_ROLE_ARN: stopRole,
};

/** A GitHub App private key as the App's settings page downloads it (PKCS#1 PEM). */
const appPrivateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs1',
  format: 'pem',
}) as string;

/** The runner label the start job gives attempt n of a run (github.run_attempt is 1 in act). */
const label = (runId: number, n: number) => `ml-cicd-${runId}-1-${n}`;

const ofKind = <K extends LedgerEntry['kind']>(entries: LedgerEntry[], kind: K) =>
  entries.filter((entry) => entry.kind === kind) as Extract<LedgerEntry, { kind: K }>[];

function dispatch(
  project: Project,
  runId: number,
  options: {
    inputs?: Record<string, string>;
    vars?: Record<string, string>;
    secrets?: Record<string, string>;
    /** The runner's environment: ML_CICD_EC2_NO_CAPACITY and ML_CICD_EC2_NO_REGISTRATION. */
    env?: Record<string, string>;
    hostLabel?: string;
  } = {},
): Promise<ActResult> {
  const inputs = options.inputs ?? { 'n-estimators': '30', seed: '5' };
  return runAct(suite(), {
    project,
    workflow: 'train.yml',
    event: 'workflow_dispatch',
    payload: dispatchEvent(project, inputs),
    inputs,
    runId,
    vars: options.vars ?? variables,
    secrets: options.secrets ?? { RUNNER_APP_PRIVATE_KEY: appPrivateKey },
    env: options.env ?? {},
    hostLabels: options.hostLabel ? [options.hostLabel] : [],
  });
}

/** What the start job did: the App token it got, the role it assumed and each launch attempt. */
function started(entries: LedgerEntry[]) {
  const token = ofKind(entries, 'app-token');
  const roles = ofKind(entries, 'assume-role');
  expect(token).toHaveLength(1);
  expect(token[0]!.permissions).toEqual({ administration: 'write' });
  expect(token[0]!.clientId).toBe(variables.RUNNER_APP_CLIENT_ID);
  const startRoles = roles.filter((entry) => entry.job === 'start-runner');
  expect(startRoles.map((entry) => [entry.role, entry.region])).toEqual([[startRole, region]]);
  const attempts = ofKind(entries, 'run-instances');
  for (const attempt of attempts) {
    // Launched with the start role's credentials and registered with the App's token.
    expect(attempt.accessKeyId).toBe(startRoles[0]!.accessKeyId);
    expect(attempt.tokenDigest).toBe(token[0]!.tokenDigest);
    expect(attempt).toMatchObject({
      region,
      imageId: variables.EC2_IMAGE_ID,
      securityGroupId: variables.EC2_SECURITY_GROUP_ID,
      market: 'spot',
      jit: true,
    });
  }
  return { token: token[0]!, attempts, launched: attempts.filter((a) => a.outcome === 'launched') };
}

/** What the stop job terminated, each with the stop role's credentials. */
function terminated(entries: LedgerEntry[]): string[] {
  const stopRoles = ofKind(entries, 'assume-role').filter((entry) => entry.job === 'stop-runner');
  expect(stopRoles.map((entry) => [entry.role, entry.region])).toEqual([[stopRole, region]]);
  const terminations = ofKind(entries, 'terminate-instances');
  for (const each of terminations) expect(each.accessKeyId).toBe(stopRoles[0]!.accessKeyId);
  return terminations.map((each) => each.instanceId);
}

function expectTrained(runId: number, inputs: Record<string, number>) {
  const artifact = artifactOfRun(suite().store, runId, 'training-outputs');
  const params = JSON.parse(readFileSync(join(artifact.dir, 'params.json'), 'utf8'));
  expect(params).toMatchObject(inputs);
  const metrics = JSON.parse(readFileSync(join(artifact.dir, 'metrics.json'), 'utf8'));
  expect(metrics.accuracy).toBeGreaterThan(0.5);
}

const step = (result: ActResult, jobName: string, name: string) =>
  job(result, jobName).steps.find((each) => each.name === name);

/** The job is absent from act's log or ran none of its steps. */
function expectNotRun(result: ActResult, name: string) {
  const found = result.jobs.find((each) => each.name.endsWith(name));
  expect(found?.steps.filter(ran) ?? [], name).toEqual([]);
}

/** act logs no result for a step whose if: is false, only for one that ran. */
const ran = (found: StepResult | undefined) =>
  found?.result === 'success' || found?.result === 'failure';

describe('train.yml of --runner ec2: start an instance, train on its runner, terminate it', () => {
  let project: Project;
  beforeAll(async () => {
    project = await projectFor('runner-ec2', {
      runner: 'ec2',
      ec2Region: region,
      ec2InstanceTypes: 'c7i.large,m7i.large',
      ec2Spot: 'yes',
    });
  });

  it('has a stand-in for each remote action, declaring every input the workflows pass', () => {
    const uses = ['train.yml', 'release.yml'].flatMap((workflow) =>
      remoteUses(project.dir, `.github/workflows/${workflow}`),
    );
    expect(uses.map((use) => use.repo)).toEqual(
      expect.arrayContaining([
        'actions/create-github-app-token',
        'aws-actions/configure-aws-credentials',
        'machulav/ec2-github-runner',
      ]),
    );
    for (const use of uses) {
      const declared = Object.keys(
        (
          parse(readFileSync(join(standInFolder(use.repo), use.path, 'action.yml'), 'utf8')) as {
            inputs: object;
          }
        ).inputs,
      );
      for (const name of inputsPassed(project, use.file, use.uses))
        expect(declared, use.uses).toContain(name);
    }
  });

  it('starts the first instance type, trains on its runner and terminates that instance', async () => {
    const runId = 1901;
    const result = await dispatch(project, runId, { hostLabel: label(runId, 1) });
    expect(summary(result), tail(result.log)).toEqual({
      [START]: 'success',
      [TRAIN]: 'success',
      [STOP]: 'success',
    });
    expect(result.code).toBe(0);
    expectTrained(runId, { 'n-estimators': 30, seed: 5 });

    const entries = cloudLedger(suite(), project.repository, runId);
    const { token, launched } = started(entries);
    expect(launched).toEqual([
      expect.objectContaining({
        instanceType: 'c7i.large',
        // The first entry of availability-zones-config: the first subnet of EC2_SUBNET_IDS.
        subnetId: 'subnet-0aaaa1111',
        label: label(runId, 1),
        instanceId: `i-0standin${runId}-1`,
      }),
    ]);
    // The stop role may terminate only instances carrying this tag (infra/aws/stop-permissions-policy.json).
    expect(launched[0]!.tags).toContainEqual({
      Key: 'ml-cicd-repository',
      Value: project.repository,
    });
    expect(terminated(entries)).toEqual([`i-0standin${runId}-1`]);
    expect(ran(step(result, STOP, 'Terminate the instance of attempt 2'))).toBe(false);
    // The App token lived only as long as the start job.
    expect(ofKind(entries, 'app-token-revoked')).toEqual([
      expect.objectContaining({ job: 'start-runner', tokenDigest: token.tokenDigest }),
    ]);
  });

  it('falls back to the next instance type without capacity, and terminates only what started', async () => {
    const runId = 1902;
    // Only the second attempt's label runs on the host: training on any other label would be skipped.
    const result = await dispatch(project, runId, {
      env: { ML_CICD_EC2_NO_CAPACITY: 'c7i.large' },
      hostLabel: label(runId, 2),
    });
    expect(summary(result), tail(result.log)).toEqual({
      [START]: 'success',
      [TRAIN]: 'success',
      [STOP]: 'success',
    });
    expect(step(result, START, 'Start the runner on c7i.large (spot)')?.result).toBe('failure');
    expect(result.log).toContain(
      'Failed to start EC2 instance in any availability zone. Errors: InsufficientInstanceCapacity',
    );
    expectTrained(runId, { 'n-estimators': 30, seed: 5 });

    const entries = cloudLedger(suite(), project.repository, runId);
    const { attempts, launched } = started(entries);
    // Each subnet is tried for c7i.large before m7i.large starts in the first one.
    expect(attempts.map((a) => [a.instanceType, a.subnetId, a.outcome])).toEqual([
      ['c7i.large', 'subnet-0aaaa1111', 'no-capacity'],
      ['c7i.large', 'subnet-0bbbb2222', 'no-capacity'],
      ['m7i.large', 'subnet-0aaaa1111', 'launched'],
    ]);
    expect(launched[0]!.label).toBe(label(runId, 2));
    expect(terminated(entries)).toEqual([launched[0]!.instanceId]);
    expect(ran(step(result, STOP, 'Terminate the instance of attempt 1'))).toBe(false);
  });

  it('terminates both instances when the first one’s runner never registers', async () => {
    const runId = 1905;
    const result = await dispatch(project, runId, {
      env: { ML_CICD_EC2_NO_REGISTRATION: 'c7i.large' },
      hostLabel: label(runId, 2),
    });
    expect(summary(result), tail(result.log)).toEqual({
      [START]: 'success',
      [TRAIN]: 'success',
      [STOP]: 'success',
    });
    expect(result.log).toContain(
      `The runner ${label(runId, 1)} did not register within 10 minutes`,
    );
    const entries = cloudLedger(suite(), project.repository, runId);
    const { launched } = started(entries);
    expect(launched.map((each) => [each.instanceType, each.instanceId])).toEqual([
      ['c7i.large', `i-0standin${runId}-1`],
      ['m7i.large', `i-0standin${runId}-2`],
    ]);
    // The failed attempt's instance is billed all the same: the stop job terminates it too.
    expect(terminated(entries)).toEqual([`i-0standin${runId}-1`, `i-0standin${runId}-2`]);
  });

  it('terminates the instance when training fails', async () => {
    const runId = 1903;
    const result = await dispatch(project, runId, {
      inputs: { 'max-depth': '0' },
      hostLabel: label(runId, 1),
    });
    expect(summary(result), tail(result.log)).toEqual({
      [START]: 'success',
      [TRAIN]: 'failure',
      [STOP]: 'success',
    });
    expect(step(result, TRAIN, 'Train')?.output).toContain(
      "argument --max-depth: expected an integer from 1 to 64, got '0'",
    );
    const entries = cloudLedger(suite(), project.repository, runId);
    const { launched } = started(entries);
    expect(launched.map((each) => each.instanceId)).toEqual([`i-0standin${runId}-1`]);
    expect(terminated(entries)).toEqual([`i-0standin${runId}-1`]);
  });

  it('is red at its first step, naming the EC2 variables to set, when they are not set; nothing starts', async () => {
    const runId = 1904;
    const {
      EC2_IMAGE_ID: _image,
      EC2_SUBNET_IDS: _subnets,
      EC2_SECURITY_GROUP_ID: _group,
      ...others
    } = variables;
    const result = await dispatch(project, runId, { vars: others });
    expect(job(result, START).result, tail(result.log)).toBe('failure');
    expect(result.code).not.toBe(0);
    const check = step(result, START, 'Check the runner settings and list the subnets to start in');
    expect(check?.result).toBe('failure');
    expect(result.log).toContain(
      'Set EC2_IMAGE_ID EC2_SUBNET_IDS EC2_SECURITY_GROUP_ID for the EC2 runner (the private key is a secret, the others are variables): see infra/aws/README.md.',
    );
    // Training never waits for a runner that was not started, and there is nothing to terminate.
    expect(ofKind(cloudLedger(suite(), project.repository, runId), 'run-instances')).toEqual([]);
    expectNotRun(result, TRAIN);
    expectNotRun(result, STOP);
  });

  it('is red at the start when no instance type has capacity in any subnet; nothing to terminate', async () => {
    const runId = 1906;
    const result = await dispatch(project, runId, {
      env: { ML_CICD_EC2_NO_CAPACITY: 'c7i.large,m7i.large' },
    });
    expect(job(result, START).result, tail(result.log)).toBe('failure');
    expect(step(result, START, 'Start the runner on m7i.large (spot)')?.result).toBe('failure');
    const entries = cloudLedger(suite(), project.repository, runId);
    expect(ofKind(entries, 'run-instances').map((a) => [a.instanceType, a.outcome])).toEqual([
      ['c7i.large', 'no-capacity'],
      ['c7i.large', 'no-capacity'],
      ['m7i.large', 'no-capacity'],
      ['m7i.large', 'no-capacity'],
    ]);
    expectNotRun(result, TRAIN);
    expectNotRun(result, STOP);
  });

  it('terminates an instance whose runner never registered even when the start job is red', async () => {
    const runId = 1908;
    const result = await dispatch(project, runId, {
      env: { ML_CICD_EC2_NO_REGISTRATION: 'c7i.large', ML_CICD_EC2_NO_CAPACITY: 'm7i.large' },
    });
    expect(summary(result), tail(result.log)).toEqual({
      [START]: 'failure',
      [STOP]: 'success',
    });
    expectNotRun(result, TRAIN);
    const entries = cloudLedger(suite(), project.repository, runId);
    const { launched } = started(entries);
    expect(launched.map((each) => each.instanceId)).toEqual([`i-0standin${runId}-1`]);
    expect(terminated(entries)).toEqual([`i-0standin${runId}-1`]);
  });

  it('release.yml: builds on the started runner, terminates it, then publishes', async () => {
    const runId = 1909;
    await protectEnvironment(project.repository, 'release', [{ type: 'required_reviewers' }]);
    const sha = await project.head();
    const result = await runAct(suite(), {
      project,
      workflow: 'release.yml',
      event: 'push',
      payload: pushEvent(project, sha, 'refs/tags/v1.0.0'),
      runId,
      vars: variables,
      secrets: { RUNNER_APP_PRIVATE_KEY: appPrivateKey },
      hostLabels: [label(runId, 1)],
    });
    expect(summary(result), tail(result.log)).toEqual({
      [START]: 'success',
      'Train with the committed params and check the gates': 'success',
      [STOP]: 'success',
      'Publish the model (after a review)': 'success',
    });
    const entries = cloudLedger(suite(), project.repository, runId);
    const { launched } = started(entries);
    expect(launched.map((each) => each.instanceId)).toEqual([`i-0standin${runId}-1`]);
    expect(terminated(entries)).toEqual([`i-0standin${runId}-1`]);
    const { releases } = await apiState(project.repository);
    expect(releases.map((each) => [each.tag_name, each.target_commitish])).toEqual([
      ['v1.0.0', sha],
    ]);
    expect(releases[0]!.assets.map((asset) => asset.name).sort()).toEqual([
      'metrics.json',
      'model.skops',
      'params.json',
    ]);
  });

  it('is red at the start in a repository with no variable or secret set yet; nothing starts', async () => {
    const runId = 1907;
    const result = await dispatch(project, runId, { vars: {}, secrets: {} });
    expect(job(result, START).result, tail(result.log)).toBe('failure');
    // Every setting is named at once, before the App token step fails on the first one.
    expect(result.log).toContain(
      'Set RUNNER_APP_CLIENT_ID RUNNER_APP_PRIVATE_KEY AWS_ROLE_ARN AWS_REGION EC2_IMAGE_ID EC2_SUBNET_IDS EC2_SECURITY_GROUP_ID for the EC2 runner',
    );
    expect(ofKind(cloudLedger(suite(), project.repository, runId), 'run-instances')).toEqual([]);
    expectNotRun(result, TRAIN);
    expectNotRun(result, STOP);
  });
});

/**
 * Runs one stand-in's main script as the runner would: its inputs as INPUT_* variables, and
 * GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE and a ledger of its own in a fresh folder.
 */
function runStandIn(
  action: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  ledgerLines: object[] = [],
) {
  const dir = mkdtempSync(join(suite().root, 'stand-in-'));
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE'].map((name) => [name, join(dir, name)]),
  );
  for (const file of Object.values(files)) writeFileSync(file, '');
  const ledger = join(dir, 'ledger.jsonl');
  writeFileSync(ledger, ledgerLines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  const run = spawnSync(process.execPath, [join(standInFolder(action), 'index.mjs')], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      ...files,
      ML_CICD_CLOUD_LEDGER: ledger,
      GITHUB_REPOSITORY: 'octo/demo',
      GITHUB_RUN_ID: '77',
      GITHUB_JOB: 'start-runner',
      ...Object.fromEntries(
        Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
      ),
      ...env,
    },
  });
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  return {
    status: run.status,
    stdout: run.stdout,
    outputs: read(files.GITHUB_OUTPUT!),
    exported: read(files.GITHUB_ENV!),
    ledger: read(ledger)
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LedgerEntry),
  };
}

describe('the cloud stand-ins refuse what the real actions refuse', () => {
  const appToken = 'actions/create-github-app-token';
  const aws = 'aws-actions/configure-aws-credentials';
  const ec2 = 'machulav/ec2-github-runner';
  const key = { 'client-id': 'Iv23liStandInClient', 'permission-administration': 'write' };

  it('create-github-app-token: a token with the permissions asked for, and no token without a key', () => {
    const made = runStandIn(appToken, { ...key, 'private-key': appPrivateKey });
    expect(made.status, made.stdout).toBe(0);
    const token = /^token=(ghs_\w{36})$/m.exec(made.outputs)?.[1];
    expect(token).toBeDefined();
    expect(made.stdout).toContain(`::add-mask::${token}`);
    expect(made.ledger).toEqual([
      expect.objectContaining({ kind: 'app-token', permissions: { administration: 'write' } }),
    ]);
    for (const [privateKey, message] of [
      ['', 'private-key is empty'],
      ['not a key', 'private-key is not a PEM private key'],
    ] as const) {
      const refused = runStandIn(appToken, { ...key, 'private-key': privateKey });
      expect(refused.status).toBe(1);
      expect(refused.stdout).toContain(message);
      expect(refused.outputs).toBe('');
    }
    const level = runStandIn(appToken, {
      ...key,
      'private-key': appPrivateKey,
      'permission-administration': 'owner',
    });
    expect(level.stdout).toContain(
      'permission-administration: "owner" is not read, write or admin.',
    );
  });

  it('configure-aws-credentials: exports the role’s credentials, and fails without a role', () => {
    const assumed = runStandIn(aws, { 'aws-region': region, 'role-to-assume': startRole });
    expect(assumed.status, assumed.stdout).toBe(0);
    expect(assumed.exported).toMatch(/^AWS_REGION=eu-west-2$/m);
    expect(assumed.exported).toMatch(/^AWS_ACCESS_KEY_ID=ASIA[A-Z2-7]{16}$/m);
    expect(assumed.exported).toMatch(/^AWS_SECRET_ACCESS_KEY=\S+$/m);
    expect(assumed.outputs).toContain('aws-account-id=123456789012');
    for (const [inputs, message] of [
      [{ 'aws-region': region, 'role-to-assume': '' }, 'Credentials could not be loaded'],
      [{ 'aws-region': region, 'role-to-assume': 'demo-role' }, 'is not an IAM role ARN'],
      [
        { 'aws-region': '', 'role-to-assume': startRole },
        'Input required and not supplied: aws-region',
      ],
    ] as const) {
      const refused = runStandIn(aws, inputs);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toContain(message);
      expect(refused.exported).toBe('');
    }
  });

  it('ec2-github-runner: refuses bad inputs, an unprivileged token, no credentials and unknown instances', () => {
    const issued = runStandIn(appToken, { ...key, 'private-key': appPrivateKey });
    const token = /^token=(\S+)$/m.exec(issued.outputs)![1]!;
    const credentials = {
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: 'ASIAAAAAAAAAAAAAAAAA',
      AWS_SECRET_ACCESS_KEY: 'secret',
    };
    const zones = JSON.stringify([
      { imageId: 'ami-1', subnetId: 'subnet-1', securityGroupId: 'sg-1' },
    ]);
    const start = {
      mode: 'start',
      'github-token': token,
      'ec2-instance-type': 'c7i.large',
      'availability-zones-config': zones,
      'startup-timeout-minutes': '5',
      'aws-resource-tags': '[]',
    };
    const launched = runStandIn(ec2, start, credentials, issued.ledger);
    expect(launched.status, launched.stdout).toBe(0);
    expect(launched.outputs).toContain('ec2-instance-id=i-0standin77-1');
    const launch = launched.ledger.at(-1)!;

    const cases: [Record<string, string>, Record<string, string>, object[], string][] = [
      [
        { ...start, mode: 'restart' },
        credentials,
        issued.ledger,
        'mode "restart" is not start or stop.',
      ],
      [
        { ...start, 'github-token': 'ghs_workflowtoken' },
        credentials,
        issued.ledger,
        'Resource not accessible by integration',
      ],
      [start, {}, issued.ledger, 'Could not load credentials from any providers'],
      [
        { ...start, 'availability-zones-config': '[{"imageId": "ami-1"}]' },
        credentials,
        issued.ledger,
        'no subnetId at index 0',
      ],
      [
        { ...start, 'availability-zones-config': '[{' },
        credentials,
        issued.ledger,
        'availability-zones-config is not valid JSON',
      ],
      [
        { ...start, 'market-type': 'on-demand' },
        credentials,
        issued.ledger,
        'market-type "on-demand" is not spot',
      ],
      [
        { ...start, 'ec2-instance-type': '' },
        credentials,
        issued.ledger,
        'ec2-instance-type is empty',
      ],
      [
        {
          mode: 'stop',
          'github-token': token,
          'ec2-instance-id': 'i-0unknown',
          'aws-resource-tags': '[]',
        },
        credentials,
        launched.ledger,
        'InvalidInstanceID.NotFound',
      ],
      [
        {
          mode: 'stop',
          'github-token': token,
          'ec2-instance-id': 'i-0standin77-1',
          'aws-resource-tags': '[]',
        },
        { ...credentials, AWS_REGION: 'us-east-1' },
        launched.ledger,
        'InvalidInstanceID.NotFound',
      ],
    ];
    for (const [inputs, env, ledger, message] of cases) {
      const refused = runStandIn(ec2, inputs, env, ledger);
      expect(refused.status, message).toBe(1);
      expect(refused.stdout).toContain(message);
      expect(refused.outputs).toBe('');
      expect(refused.ledger).toEqual(ledger);
    }
    const stopped = runStandIn(
      ec2,
      {
        mode: 'stop',
        'github-token': token,
        'ec2-instance-id': 'i-0standin77-1',
        'aws-resource-tags': '[]',
      },
      credentials,
      [launch],
    );
    expect(stopped.status, stopped.stdout).toBe(0);
    expect(stopped.ledger.at(-1)).toMatchObject({
      kind: 'terminate-instances',
      instanceId: 'i-0standin77-1',
    });
  });
});

/** The `with:` keys of every step of a workflow or action file that uses exactly `uses`. */
function inputsPassed(project: Project, file: string, uses: string): string[] {
  type Step = { uses?: string; with?: object };
  const document = parse(readFileSync(join(project.dir, file), 'utf8')) as {
    jobs?: Record<string, { steps?: Step[] }>;
    runs?: { steps?: Step[] };
  };
  const steps = [
    ...Object.values(document.jobs ?? {}).flatMap((each) => each.steps ?? []),
    ...(document.runs?.steps ?? []),
  ];
  return steps.filter((each) => each.uses === uses).flatMap((each) => Object.keys(each.with ?? {}));
}
