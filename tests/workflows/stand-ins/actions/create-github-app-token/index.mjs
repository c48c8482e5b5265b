// Makes up a GitHub App installation token after checking the inputs the real action checks.
import { createHash, createPrivateKey, randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';

const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const append = (file, line) => appendFileSync(process.env[file], `${line}\n`);

function fail(message) {
  process.stdout.write(`::error title=create-github-app-token stand-in::${message}\n`);
  process.exit(1);
}

const ledger = process.env.ML_CICD_CLOUD_LEDGER;
if (!ledger) fail('ML_CICD_CLOUD_LEDGER is not set.');

const clientId = input('client-id') || input('app-id');
if (!clientId)
  fail(
    "client-id (or app-id) is empty: set it to the GitHub App's client ID; from a variable, check the variable is set where this job runs.",
  );
const privateKey = input('private-key');
if (!privateKey)
  fail(
    "private-key is empty: set it to the GitHub App's private key (PEM); from a secret, check the secret is set where this job runs.",
  );
try {
  createPrivateKey(privateKey);
} catch {
  fail('private-key is not a PEM private key: paste the whole .pem file the App generated.');
}

// As the real action, every INPUT_PERMISSION_* is a permission the token asks for.
const permissions = {};
for (const [name, value] of Object.entries(process.env)) {
  const match = /^INPUT_PERMISSION-(.+)$/.exec(name);
  if (!match || !value.trim()) continue;
  const level = value.trim();
  const permission = match[1].toLowerCase().replaceAll('-', '_');
  if (!['read', 'write', 'admin'].includes(level))
    fail(`permission-${match[1].toLowerCase()}: "${level}" is not read, write or admin.`);
  permissions[permission] = level;
}

const token = `ghs_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
const tokenDigest = createHash('sha256').update(token).digest('hex').slice(0, 16);
process.stdout.write(`::add-mask::${token}\n`);
appendFileSync(
  ledger,
  `${JSON.stringify({
    repository: process.env.GITHUB_REPOSITORY,
    runId: Number(process.env.GITHUB_RUN_ID),
    job: process.env.GITHUB_JOB,
    kind: 'app-token',
    clientId,
    owner: input('owner'),
    repositories: input('repositories'),
    permissions,
    tokenDigest,
  })}\n`,
);
append('GITHUB_OUTPUT', `token=${token}`);
append('GITHUB_OUTPUT', 'installation-id=4242');
append('GITHUB_OUTPUT', 'app-slug=ml-cicd-stand-in');
append('GITHUB_STATE', `tokenDigest=${tokenDigest}`);
append('GITHUB_STATE', `skipTokenRevoke=${input('skip-token-revoke')}`);
console.log(
  `Installation token for ${process.env.GITHUB_REPOSITORY} with ${JSON.stringify(permissions)} (stand-in, ${tokenDigest}).`,
);
