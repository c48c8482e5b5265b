/** The ec2 runner's docs: infra/aws/README.md and the Runner section of the README. */
import { placeholders } from '../../placeholders.js';
import { haltMarginMinutes, isGpuInstanceType, repositoryTag, settings } from './jobs.js';

export interface Ec2Docs {
  project: string;
  /** The training environment; undefined with `secrets-scope: repo`. */
  environment: string | undefined;
  /** The stop job's environment; undefined with `secrets-scope: repo`. */
  cleanup: string | undefined;
  region: string;
  instanceTypes: string[];
  spot: boolean;
  timeoutMinutes: number;
}

/** The Deep Learning AMI's public SSM parameter, as AWS's "Finding the ID of a DLAMI" gives it. */
export const dlamiParameter =
  '/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-ubuntu-22.04/latest/ami-id';

const envFlag = (environment: string | undefined) => (environment ? ` --env ${environment}` : '');

function amiStep(docs: Ec2Docs): string {
  const gpu = docs.instanceTypes.some(isGpuInstanceType);
  return `Pick the AMI the instance starts from${gpu ? ', with the NVIDIA driver for the GPU types' : ''}. AWS's
   Deep Learning Base AMI has the driver and CUDA; look up its current id in your region in the
   public SSM parameter (the name is \`/aws/service/deeplearning/ami/<x86_64|arm64>/<ami_type>/latest/ami-id\`,
   \`ami_type\` being the AMI's name without "Deep", "Learning" and "AMI", lowercase with hyphens;
   the names are in the DLAMI release notes):

   \`\`\`sh
   aws ssm get-parameter --region ${docs.region} --query Parameter.Value --output text \\
     --name ${dlamiParameter}
   \`\`\`

   Keep the id you get in \`${settings.image}\` rather than the parameter, so every run starts the
   same image until you change it.${gpu ? '' : ' A CPU instance type needs no GPU driver: any Ubuntu AMI with curl works.'}`;
}

export function infraReadme(docs: Ec2Docs): string {
  const { account, owner } = placeholders;
  const role = `${docs.project}-ec2-runner`;
  const start = `arn:aws:iam::123456789012:role/${role}-start`;
  const stop = `arn:aws:iam::123456789012:role/${role}-stop`;
  const types = docs.instanceTypes.map((type) => `\`${type}\``).join(', then ');
  return `# AWS for the training runner

The **Train** workflow starts an EC2 instance for each run with
[machulav/ec2-github-runner](https://github.com/machulav/ec2-github-runner), trains on it, and
terminates it:

1. \`start-runner\` gets a token of your GitHub App (it registers the runner), assumes the start
   role by OIDC and starts ${docs.spot ? 'a spot' : 'an'} instance: ${types}, each tried in every subnet of
   \`${settings.subnets}\` until one starts. The instance registers a single-use (JIT) runner with a
   label unique to the run and attempt.
2. \`train\` runs on that label, and nowhere else. The runner takes this one job and removes itself.
3. \`stop-runner\` runs whatever happened before it (failure, cancellation, timeout), assumes the
   stop role by OIDC and terminates every instance the start job created.

No AWS key or personal token is stored anywhere: AWS credentials come from GitHub's OIDC token, and
the runner is registered with a short-lived GitHub App installation token.

| file | what it is |
| --- | --- |
| \`start-trust-policy.json\` | who may assume the start role: only jobs of \`${owner}/${docs.project}\` ${docs.environment ? `bound to the \`${docs.environment}\` environment` : 'running on its `main` branch (`secrets-scope: repo`)'} |
| \`start-permissions-policy.json\` | what it may do: start instances, tag them at launch and watch them boot, in \`${docs.region}\` only |
| \`stop-trust-policy.json\` | who may assume the stop role: only jobs of \`${owner}/${docs.project}\` ${docs.cleanup ? `bound to the \`${docs.cleanup}\` environment` : 'running on its `main` branch'} |
| \`stop-permissions-policy.json\` | what it may do: terminate instances tagged \`${repositoryTag}=${owner}/${docs.project}\` in \`${docs.region}\`, nothing else |

## Set up (once)

1. Put your AWS account id and GitHub owner into the policies:

   \`\`\`sh
   sed -i -e 's/${account}/123456789012/' -e 's/${owner}/your-org/' infra/aws/*-policy.json
   \`\`\`

2. Add GitHub as an OIDC identity provider of the account (once per account):

   \`\`\`sh
   aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com \\
     --client-id-list sts.amazonaws.com
   \`\`\`

3. Create the two roles:

   \`\`\`sh
   aws iam create-role --role-name ${role}-start \\
     --assume-role-policy-document file://infra/aws/start-trust-policy.json
   aws iam put-role-policy --role-name ${role}-start --policy-name start-runners \\
     --policy-document file://infra/aws/start-permissions-policy.json
   aws iam create-role --role-name ${role}-stop \\
     --assume-role-policy-document file://infra/aws/stop-trust-policy.json
   aws iam put-role-policy --role-name ${role}-stop --policy-name stop-runners \\
     --policy-document file://infra/aws/stop-permissions-policy.json
   \`\`\`
${
  docs.spot
    ? `
   Spot instances need EC2's service-linked role in the account (once; an error that it exists
   means it is there already):

   \`\`\`sh
   aws iam create-service-linked-role --aws-service-name spot.amazonaws.com
   \`\`\`
`
    : ''
}
4. Choose two or more subnets in different availability zones of \`${docs.region}\`, with outbound
   internet access (the instance downloads the runner and reaches GitHub), and a security group of
   the same VPC with no inbound rule: the runner only calls out.

5. ${amiStep(docs)}

6. Create a GitHub App (Settings → Developer settings → GitHub Apps) with one repository
   permission, **Administration: Read and write** (it registers the runner), no webhook, and
   install it on this repository only. Generate a private key.

7. Set the variables and the secret ${docs.environment ? `of the \`${docs.environment}\` environment (Settings → Environments)` : 'of the repository (Settings → Secrets and variables → Actions)'}:

   \`\`\`sh
   gh variable set ${settings.role}${envFlag(docs.environment)} --body ${start}
   gh variable set ${settings.region}${envFlag(docs.environment)} --body ${docs.region}
   gh variable set ${settings.image}${envFlag(docs.environment)} --body ami-0123456789abcdef0
   gh variable set ${settings.subnets}${envFlag(docs.environment)} --body subnet-aaaa,subnet-bbbb
   gh variable set ${settings.securityGroup}${envFlag(docs.environment)} --body sg-0123456789abcdef0
   gh variable set ${settings.appClientId}${envFlag(docs.environment)} --body <the App's client id>
   gh secret set ${settings.appKey}${envFlag(docs.environment)} < your-app.private-key.pem
   gh variable set ${settings.stopRole}${envFlag(docs.cleanup)} --body ${stop}${docs.cleanup ? `\n   gh variable set ${settings.region}${envFlag(docs.cleanup)} --body ${docs.region}` : ''}
   \`\`\`
${
  docs.environment
    ? `
   Protect \`${docs.environment}\` with required reviewers and limit it to the \`main\` branch. Give
   \`${docs.cleanup}\` **no** reviewers: the stop job must never wait for anyone while an instance runs.
   It holds only the stop role, which can do nothing but terminate this repository's instances.
`
    : ''
}
## What to expect

- The start job fails, and training is skipped, when no instance type starts in any subnet or
  the runner does not register within 10 minutes; the stop job still terminates what started.
${
  docs.environment
    ? `- The training job binds \`${docs.environment}\` as well: when it asks for a review after the start
  job's, approve it soon, since the instance is billed while it waits, and the halt below counts
  from its boot.
`
    : ''
}- Each instance halts itself ${docs.timeoutMinutes + haltMarginMinutes} minutes after it boots (the training timeout plus
  ${haltMarginMinutes} minutes), in case the stop job could not run. A halted instance is stopped, not
  terminated: find and terminate leftovers by their tag:

  \`\`\`sh
  aws ec2 describe-instances --region ${docs.region} --query 'Reservations[].Instances[].InstanceId' \\
    --filters Name=tag:${repositoryTag},Values=${owner}/${docs.project} Name=instance-state-name,Values=running,stopped
  \`\`\`
${docs.spot ? '- A spot instance costs less, but AWS may reclaim it during a run: the training job then fails and\n  the stop job terminates what is left. Run again, or choose on-demand (`spot: false`).\n' : ''}- The runner is single-use and starts clean. Fork pull requests never reach it: training runs
  only when someone with write access dispatches it, and checks run on GitHub-hosted runners.
- A runner whose instance never came up stays listed (offline) under Settings → Actions → Runners
  until GitHub removes it; it can take no job, since its label belonged to that one run.
`;
}

export function runnerSection(docs: Ec2Docs): string {
  const types = docs.instanceTypes.map((type) => `\`${type}\``).join(', ');
  return `Training runs on an EC2 instance started for each run in \`${docs.region}\` (${types}, tried
in that order${docs.spot ? ', as spot instances' : ''}) and terminated after the job, whatever its outcome.
Lint and tests run on GitHub-hosted \`ubuntu-latest\`, so pull requests, forks included, never
start an instance. Set up the AWS roles, the GitHub App and the variables as \`infra/aws/README.md\`
says.`;
}
