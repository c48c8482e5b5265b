// "Assumes" an AWS role by OIDC: made-up credentials for the role, exported as the real action does.
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';

const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const append = (file, line) => appendFileSync(process.env[file], `${line}\n`);

function fail(message) {
  process.stdout.write(`::error title=configure-aws-credentials stand-in::${message}\n`);
  process.exit(1);
}

const ledger = process.env.ML_CICD_CLOUD_LEDGER;
if (!ledger) fail('ML_CICD_CLOUD_LEDGER is not set.');

const region = input('aws-region');
if (!region) fail('Input required and not supplied: aws-region');
if (!/^[a-z0-9-]+$/.test(region)) fail(`Region is not valid: ${region}`);
const sessionName = input('role-session-name') || 'GitHubActions';
if (!/^[\w+=,.@-]{2,64}$/.test(sessionName))
  fail(`role-session-name "${sessionName}" is not 2 to 64 characters of [A-Za-z0-9_+=,.@-].`);

const role = input('role-to-assume');
// With no role and no keys the real action looks for ambient credentials, and a runner has none.
if (!role)
  fail(
    'Credentials could not be loaded, please check your action inputs: role-to-assume is empty and no other credentials were given (stand-in: there are no ambient AWS credentials).',
  );
const arn = /^arn:aws[\w-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,64}$/.exec(role);
if (!arn)
  fail(
    `Could not assume role with OIDC: role-to-assume "${role}" is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>).`,
  );
const account = arn[1];

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const accessKeyId = `ASIA${[...randomBytes(16)].map((byte) => letters[byte % 32]).join('')}`;
const secretAccessKey = randomBytes(30).toString('base64');
const sessionToken = randomBytes(96).toString('base64');
for (const secret of [accessKeyId, secretAccessKey, sessionToken])
  process.stdout.write(`::add-mask::${secret}\n`);

appendFileSync(
  ledger,
  `${JSON.stringify({
    repository: process.env.GITHUB_REPOSITORY,
    runId: Number(process.env.GITHUB_RUN_ID),
    job: process.env.GITHUB_JOB,
    kind: 'assume-role',
    role,
    region,
    sessionName,
    accessKeyId,
  })}\n`,
);
append('GITHUB_ENV', `AWS_REGION=${region}`);
append('GITHUB_ENV', `AWS_DEFAULT_REGION=${region}`);
append('GITHUB_ENV', `AWS_ACCESS_KEY_ID=${accessKeyId}`);
append('GITHUB_ENV', `AWS_SECRET_ACCESS_KEY=${secretAccessKey}`);
append('GITHUB_ENV', `AWS_SESSION_TOKEN=${sessionToken}`);
append('GITHUB_OUTPUT', `aws-account-id=${account}`);
if (input('output-credentials') === 'true') {
  append('GITHUB_OUTPUT', `aws-access-key-id=${accessKeyId}`);
  append('GITHUB_OUTPUT', `aws-secret-access-key=${secretAccessKey}`);
  append('GITHUB_OUTPUT', `aws-session-token=${sessionToken}`);
  append('GITHUB_OUTPUT', `aws-expiration=${new Date(Date.now() + 3_600_000).toISOString()}`);
}
console.log(`Assumed ${role} in ${region} (stand-in; no OIDC token, no STS call).`);
