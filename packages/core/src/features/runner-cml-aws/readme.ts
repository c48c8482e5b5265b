/** The cml-aws runner's docs: infra/aws/README.md and the Runner section of the README. */
import { idleTimeoutSeconds, maxSessionSeconds, sessionSeconds } from './launch-job.js';
import { placeholders } from '../../placeholders.js';

export interface CmlDocs {
  project: string;
  /** The training environment; undefined with `secrets-scope: repo`. */
  environment: string | undefined;
  region: string;
  timeoutMinutes: number;
  /** False until `pnpm lock:cml` has made the lock the project ships. */
  locked: boolean;
}

const lockStep = (locked: boolean) =>
  locked
    ? ''
    : `
0. Lock CML once, from the repository root, and commit the lock (the launch job installs it
   with \`npm ci\`, so every run gets the same CML and dependencies):

   \`\`\`sh
   npm install --package-lock-only --prefix .github/cml
   git add .github/cml/package-lock.json
   \`\`\`
`;

const envFlag = (docs: CmlDocs) => (docs.environment ? ` --env ${docs.environment}` : '');

export function infraReadme(docs: CmlDocs): string {
  const { account, owner } = placeholders;
  return `# AWS for the training runner

The **Train** workflow's first job, \`launch-runner\`, starts an EC2 instance with
[CML](https://cml.dev/doc/ref/runner) (\`cml runner launch --single\`). The instance registers as a
runner with a label unique to the run, takes the training job, and terminates itself. AWS
credentials come from GitHub's OIDC token: no AWS keys are stored anywhere.

| file | what it is |
| --- | --- |
| \`trust-policy.json\` | who may assume the role: only jobs of \`${owner}/${docs.project}\` ${docs.environment ? `bound to the \`${docs.environment}\` environment` : 'running on its `main` branch (`secrets-scope: repo`)'} |
| \`permissions-policy.json\` | what the role may do: the EC2 calls CML makes to launch and terminate a runner, in \`${docs.region}\` only |

## Set up (once)
${lockStep(docs.locked)}
1. Put your AWS account id and GitHub owner into the trust policy:

   \`\`\`sh
   sed -i -e 's/${account}/123456789012/' -e 's/${owner}/your-org/' infra/aws/trust-policy.json
   \`\`\`

2. Add GitHub as an OIDC identity provider of the account (once per account):

   \`\`\`sh
   aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com \\
     --client-id-list sts.amazonaws.com
   \`\`\`

3. Create the role. Its session must outlive a training run, because the instance terminates
   itself with the credentials it was launched with; the workflow asks for
   ${sessionSeconds(docs.timeoutMinutes)} seconds (the training timeout plus launch time):

   \`\`\`sh
   aws iam create-role --role-name ${docs.project}-cml-runner \\
     --assume-role-policy-document file://infra/aws/trust-policy.json \\
     --max-session-duration ${maxSessionSeconds}
   aws iam put-role-policy --role-name ${docs.project}-cml-runner --policy-name launch-cml-runners \\
     --policy-document file://infra/aws/permissions-policy.json
   \`\`\`

4. In GitHub, ${docs.environment ? `on the \`${docs.environment}\` environment (Settings → Environments)` : 'as repository secrets and variables (Settings → Secrets and variables → Actions)'}, set the
   variables and the secret the launch job reads:

   \`\`\`sh
   gh variable set AWS_ROLE_ARN${envFlag(docs)} --body arn:aws:iam::123456789012:role/${docs.project}-cml-runner
   gh variable set AWS_REGION${envFlag(docs)} --body ${docs.region}
   gh secret set CML_REPO_TOKEN${envFlag(docs)}
   \`\`\`

   \`CML_REPO_TOKEN\` registers the runner: a fine-grained token with Administration read and
   write on this repository (or a classic token with the \`repo\` scope), preferably of a bot
   account.${docs.environment ? ' Protect the environment with required reviewers and limit it to the `main` branch.' : ''}

## What to expect

- The launch job waits until the runner is online, and fails, skipping training, when the
  instance cannot be launched or its runner never comes up. So a run never waits for a runner
  that does not exist.
- The runner waits ${idleTimeoutSeconds / 60} minutes for the training job. If the environment asks for a
  review before training, approve it within that time, or the instance shuts down.
- CML follows the instance's start-up over SSH with a throwaway key, through a security group it
  creates, \`iterative\`, which lets in all inbound traffic. Narrow that group once it exists if
  your account's policy asks for it (CML reuses it).
- Spot instances (\`spot: true\` in \`ml-cicd.yaml\`) cost less but AWS may reclaim them; CML then
  restarts the workflow.
- If an instance outlives its run (for example when the role's session ended first), terminate it
  in the EC2 console: CML names its instances \`cml-…\`.
`;
}

export function runnerSection(docs: CmlDocs): string {
  return `Training runs on an EC2 instance that [CML](https://cml.dev) launches for each run, in
\`${docs.region}\`, and that terminates itself after the job. Lint and tests run on GitHub-hosted
\`ubuntu-latest\`, so pull requests, forks included, never start an instance. Set up the AWS role
and the environment's variables and secret as \`infra/aws/README.md\` says.`;
}
