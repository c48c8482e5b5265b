// Records the revocation of the token the main step made, as the real action's post step revokes it.
import { appendFileSync } from 'node:fs';

const tokenDigest = process.env.STATE_tokenDigest;
if (!tokenDigest) {
  console.log('No token was made: nothing to revoke.');
} else if (process.env.STATE_skipTokenRevoke === 'true') {
  console.log('Token revocation skipped (skip-token-revoke).');
} else {
  appendFileSync(
    process.env.ML_CICD_CLOUD_LEDGER,
    `${JSON.stringify({
      repository: process.env.GITHUB_REPOSITORY,
      runId: Number(process.env.GITHUB_RUN_ID),
      job: process.env.GITHUB_JOB,
      kind: 'app-token-revoked',
      tokenDigest,
    })}\n`,
  );
  console.log('Token revoked (stand-in).');
}
