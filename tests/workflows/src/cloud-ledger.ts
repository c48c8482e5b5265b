/**
 * What the stand-ins of the cloud actions did (create-github-app-token, configure-aws-credentials,
 * ec2-github-runner): each appends one JSON line per call it stands in for to the suite's ledger,
 * ML_CICD_CLOUD_LEDGER, which act passes to every run. Tests read the entries of one run here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Suite } from './act.js';

/** Fields every entry has, written by the stand-in from the run's own environment. */
interface Entry {
  repository: string;
  runId: number;
  /** The job's id in the workflow (GITHUB_JOB). */
  job: string;
}

/** actions/create-github-app-token made an installation token. */
export interface AppTokenEntry extends Entry {
  kind: 'app-token';
  clientId: string;
  permissions: Record<string, string>;
  /** The first 16 hex digits of the token's SHA-256: the token itself is never written down. */
  tokenDigest: string;
}

/** Its post step revoked the token, at the end of the job. */
export interface AppTokenRevokedEntry extends Entry {
  kind: 'app-token-revoked';
  tokenDigest: string;
}

/** aws-actions/configure-aws-credentials assumed a role by OIDC and exported its credentials. */
export interface AssumeRoleEntry extends Entry {
  kind: 'assume-role';
  role: string;
  region: string;
  accessKeyId: string;
}

/** One RunInstances attempt of machulav/ec2-github-runner, in one availability zone entry. */
export interface RunInstancesEntry extends Entry {
  kind: 'run-instances';
  outcome: 'launched' | 'no-capacity';
  instanceType: string;
  market: 'spot' | 'on-demand';
  imageId: string;
  subnetId: string;
  securityGroupId: string;
  region: string;
  label: string;
  jit: boolean;
  tags: { Key: string; Value: string }[];
  accessKeyId: string;
  tokenDigest: string;
  instanceId?: string;
}

/** machulav/ec2-github-runner's stop mode terminated an instance. */
export interface TerminateEntry extends Entry {
  kind: 'terminate-instances';
  instanceId: string;
  region: string;
  accessKeyId: string;
}

export type LedgerEntry =
  AppTokenEntry | AppTokenRevokedEntry | AssumeRoleEntry | RunInstancesEntry | TerminateEntry;

export const cloudLedgerFile = (suite: Suite) => join(suite.root, 'cloud-ledger.jsonl');

/** The entries of one run of a repository, in the order the stand-ins wrote them. */
export function cloudLedger(suite: Suite, repository: string, runId: number): LedgerEntry[] {
  const file = cloudLedgerFile(suite);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LedgerEntry)
    .filter((entry) => entry.repository === repository && entry.runId === runId);
}
