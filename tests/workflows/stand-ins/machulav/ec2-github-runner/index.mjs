// Starts and terminates made-up EC2 instances, checking what the real action and AWS would check.
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const output = (name, value) => appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);

function fail(message) {
  process.stdout.write(`::error title=ec2-github-runner stand-in::${message}\n`);
  process.exit(1);
}

const ledger = process.env.ML_CICD_CLOUD_LEDGER;
if (!ledger) fail('ML_CICD_CLOUD_LEDGER is not set.');
const repository = process.env.GITHUB_REPOSITORY;
const runId = Number(process.env.GITHUB_RUN_ID);
const entries = () =>
  existsSync(ledger)
    ? readFileSync(ledger, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .filter((entry) => entry.repository === repository)
    : [];
const record = (entry) =>
  appendFileSync(
    ledger,
    `${JSON.stringify({ repository, runId, job: process.env.GITHUB_JOB, ...entry })}\n`,
  );

function json(name, fallback) {
  try {
    return JSON.parse(input(name) || fallback);
  } catch (error) {
    return fail(`${name} is not valid JSON: ${error.message}`);
  }
}

const mode = input('mode');
if (!mode) fail('mode is empty: set it to start or stop.');
const token = input('github-token');
if (!token) fail('github-token is empty: the action needs a token in both modes.');
const tags = json('aws-resource-tags', '[]');
if (
  !Array.isArray(tags) ||
  !tags.every((tag) => typeof tag?.Key === 'string' && typeof tag?.Value === 'string')
)
  fail('aws-resource-tags is not a JSON array of {"Key": …, "Value": …} strings.');
json('metadata-options', '{}');
json('block-device-mappings', '[]');
json('packages', '[]');
const jit = input('use-jit') === 'true';

/** The credentials configure-aws-credentials exported, as the AWS SDK's default chain finds them. */
function credentials() {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  if (!accessKeyId || !process.env.AWS_SECRET_ACCESS_KEY)
    fail(
      'Could not load credentials from any providers: no AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (run configure-aws-credentials first).',
    );
  return accessKeyId;
}

function start() {
  const instanceType = input('ec2-instance-type');
  if (!instanceType) fail("ec2-instance-type is empty: it is required in the 'start' mode.");
  let zones = json('availability-zones-config', '[]');
  if (!Array.isArray(zones)) fail('availability-zones-config is not a JSON array.');
  zones.forEach((zone, index) => {
    for (const field of ['imageId', 'subnetId', 'securityGroupId'])
      if (!zone?.[field]) fail(`availability-zones-config has no ${field} at index ${index}.`);
  });
  if (zones.length === 0) {
    const [imageId, subnetId, securityGroupId] = [
      input('ec2-image-id'),
      input('subnet-id'),
      input('security-group-id'),
    ];
    if (!imageId || !subnetId || !securityGroupId)
      fail(
        'Give availability-zones-config, or all of ec2-image-id, subnet-id and security-group-id.',
      );
    zones = [{ imageId, subnetId, securityGroupId }];
  }
  if (jit && input('run-runner-as-service') === 'true')
    fail('use-jit and run-runner-as-service cannot both be true: a JIT runner is single-use.');
  const marketType = input('market-type');
  if (marketType && marketType !== 'spot')
    fail(`market-type "${marketType}" is not spot (leave it empty for on-demand).`);
  const volumeSize = input('ec2-volume-size');
  if (volumeSize && !/^[1-9]\d*$/.test(volumeSize))
    fail(`ec2-volume-size "${volumeSize}" is not a whole number of GB.`);
  const volumeType = input('ec2-volume-type');
  if (volumeType && !['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'].includes(volumeType))
    fail(`ec2-volume-type "${volumeType}" is not an EBS volume type.`);
  if (!/^\d+$/.test(input('startup-timeout-minutes')))
    fail(`startup-timeout-minutes "${input('startup-timeout-minutes')}" is not a number.`);
  const label = input('label') || randomBytes(4).toString('hex').slice(0, 5);

  // Registering a runner (a JIT config or a registration token) takes administration write.
  const tokenDigest = createHash('sha256').update(token).digest('hex').slice(0, 16);
  const issued = entries().find(
    (entry) => entry.kind === 'app-token' && entry.tokenDigest === tokenDigest,
  );
  if (issued?.permissions?.administration !== 'write')
    fail(
      `Resource not accessible by integration: registering a runner of ${repository} takes a token with administration write (GitHub's 403).`,
    );
  const accessKeyId = credentials();

  const listed = (name) => (process.env[name] ?? '').split(',').map((type) => type.trim());
  const noCapacity = listed('ML_CICD_EC2_NO_CAPACITY');
  const market = marketType === 'spot' ? 'spot' : 'on-demand';
  const errors = [];
  for (const [index, zone] of zones.entries()) {
    const region = zone.region || process.env.AWS_REGION;
    if (!region) fail('Region is missing: no region in the zone entry and no AWS_REGION.');
    const attempt = {
      kind: 'run-instances',
      instanceType,
      market,
      imageId: zone.imageId,
      subnetId: zone.subnetId,
      securityGroupId: zone.securityGroupId,
      region,
      label,
      jit,
      tags,
      accessKeyId,
      tokenDigest,
    };
    if (noCapacity.includes(instanceType)) {
      const error = `InsufficientInstanceCapacity: no ${market} capacity for ${instanceType} in ${zone.subnetId} (stand-in: ML_CICD_EC2_NO_CAPACITY)`;
      process.stdout.write(
        `::warning::Failed to start EC2 instance with configuration ${index + 1} in region ${region}: ${error}\n`,
      );
      errors.push(error);
      record({ ...attempt, outcome: 'no-capacity' });
      continue;
    }
    const launched = entries().filter(
      (entry) => entry.runId === runId && entry.outcome === 'launched',
    );
    const instanceId = `i-0standin${runId}-${launched.length + 1}`;
    record({ ...attempt, outcome: 'launched', instanceId });
    output('label', label);
    output('ec2-instance-id', instanceId);
    output('region', region);
    console.log(
      `Started ${instanceType} (${market}) as ${instanceId} in ${zone.subnetId}, ${region}, for the runner ${label} (stand-in: nothing boots; the job on the label runs on the host).`,
    );
    // The outputs are set: the instance exists, and only its runner is missing.
    if (listed('ML_CICD_EC2_NO_REGISTRATION').includes(instanceType))
      fail(
        `The runner ${label} did not register within ${input('startup-timeout-minutes')} minutes (stand-in: ML_CICD_EC2_NO_REGISTRATION).`,
      );
    return;
  }
  fail(`Failed to start EC2 instance in any availability zone. Errors: ${errors.join('; ')}`);
}

function stop() {
  const instanceId = input('ec2-instance-id');
  if (!instanceId) fail("ec2-instance-id is empty: it is required in the 'stop' mode.");
  if (!input('label'))
    process.stdout.write(
      "::warning::label is empty in the 'stop' mode: the runner is removed by ec2-instance-id.\n",
    );
  const accessKeyId = credentials();
  const region = process.env.AWS_REGION;
  if (!region) fail('Region is missing: no AWS_REGION in the environment.');
  const launch = entries().find(
    (entry) => entry.outcome === 'launched' && entry.instanceId === instanceId,
  );
  if (!launch || launch.region !== region)
    fail(
      `InvalidInstanceID.NotFound: the instance ${instanceId} does not exist in ${region} (stand-in ledger).`,
    );
  record({ kind: 'terminate-instances', instanceId, region, accessKeyId });
  console.log(`Terminated ${instanceId} in ${region}.`);
  if (jit) console.log('A JIT runner removes itself after its one job: no runner to remove.');
}

if (mode === 'start') start();
else if (mode === 'stop') stop();
else fail(`mode "${mode}" is not start or stop.`);
