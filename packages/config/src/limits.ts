/**
 * GitHub's limits on run time, in minutes (docs.github.com: usage limits, and "GITHUB_TOKEN"):
 * what `--runner-timeout`, the schema of ml-cicd.yaml and `ml-cicd validate` hold workflows to.
 */
export const githubLimits = {
  /** A job on a GitHub-hosted runner: 6 hours. */
  hostedJobMinutes: 360,
  /** A job on a self-hosted runner (self-hosted, ARC, EC2): 5 days. */
  selfHostedJobMinutes: 7200,
  /** A step's `timeout-minutes`, on every kind of runner. */
  stepMinutes: 360,
  /** GITHUB_TOKEN expires after 24 hours, however long its job may still run. */
  tokenMinutes: 1440,
} as const;
