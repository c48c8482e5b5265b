/**
 * The registry of the named validate rules; each can be turned off in `rules:`. Those of
 * ml-cicd.yaml live in @ml-cicd/config, which runs them as it loads the file (so `ml-cicd secrets`
 * refuses what validate reports); those of the repository live here, one file each.
 */
import { rules as configRules } from '@ml-cicd/config';
import { artifactPaths } from './artifact-paths.js';
import { checkoutPersistCredentials } from './checkout-persist-credentials.js';
import { cmlUse } from './cml-use.js';
import { concurrency } from './concurrency.js';
import { conflictMarkers } from './conflict-markers.js';
import { dangerousTriggers } from './dangerous-triggers.js';
import { datasetFile } from './dataset-file.js';
import { dvcParamsMatch } from './dvc-params-match.js';
import { gatesMatchWorkflows } from './gates-match-workflows.js';
import { jobTimeout } from './job-timeout.js';
import { managedFiles } from './managed-files.js';
import { neptuneUse } from './neptune-use.js';
import { noExpressionsInRun } from './no-expressions-in-run.js';
import { noSecretsInArguments } from './no-secrets-in-arguments.js';
import { noSecretsInherit } from './no-secrets-inherit.js';
import { paramsMatchScriptFlags } from './params-match-script-flags.js';
import { paramsMatchWorkflowInputs } from './params-match-workflow-inputs.js';
import { publicRunnerApproval } from './public-runner-approval.js';
import { requirementsExist } from './requirements-exist.js';
import { requirementsLockCurrent } from './requirements-lock-current.js';
import { requirementsPinned } from './requirements-pinned.js';
import type { Rule } from './rule.js';
import { secretsDeclared } from './secrets-declared.js';
import { secretsNeedEnvironment } from './secrets-need-environment.js';
import { selfHostedForkGuard } from './self-hosted-fork-guard.js';
import { timeoutLimits } from './timeout-limits.js';
import { trainingMovingLabel } from './training-moving-label.js';
import { workflowCallInputTypes } from './workflow-call-input-types.js';
import { workflowParser } from './workflow-parser.js';
import { workflowPermissions } from './workflow-permissions.js';
import { workflowPinnedActions } from './workflow-pinned-actions.js';

export type { Rule } from './rule.js';

/** The rules of the repository, run once it is loaded. */
export const rules: readonly Rule[] = [
  // Consistency: ml-cicd.yaml, the workflows, the script, the pins and the generated files agree.
  paramsMatchWorkflowInputs,
  paramsMatchScriptFlags,
  dvcParamsMatch,
  datasetFile,
  gatesMatchWorkflows,
  secretsDeclared,
  requirementsPinned,
  requirementsLockCurrent,
  requirementsExist,
  managedFiles,
  conflictMarkers,
  // Workflows: what GitHub rejects, then the security checklist.
  workflowParser,
  workflowPermissions,
  workflowPinnedActions,
  checkoutPersistCredentials,
  noExpressionsInRun,
  dangerousTriggers,
  secretsNeedEnvironment,
  noSecretsInherit,
  workflowCallInputTypes,
  jobTimeout,
  timeoutLimits,
  concurrency,
  selfHostedForkGuard,
  publicRunnerApproval,
  noSecretsInArguments,
  artifactPaths,
  // Platform: services and runner images that went away or move under the project.
  neptuneUse,
  cmlUse,
  trainingMovingLabel,
];

/** Every named rule of ml-cicd validate, as its docs, SARIF and the `rules:` off-switches list them. */
export const everyRule = [...configRules, ...rules];
