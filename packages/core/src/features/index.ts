/** The feature registry: one line per feature; flags, prompts, help and docs derive from it. */
import { base } from './base/index.js';
import { runnerHosted } from './runner-hosted/index.js';
import { runnerSelfHosted } from './runner-self-hosted/index.js';
import { runnerEc2 } from './runner-ec2/index.js';
import { runnerArc } from './runner-arc/index.js';
import { trackerMlflow } from './tracker-mlflow/index.js';
import { trackerWandb } from './tracker-wandb/index.js';
import { trackerComet } from './tracker-comet/index.js';
import { dataDvc } from './data-dvc/index.js';
import { trackerNeptune } from './tracker-neptune/index.js';
import { updateCheck } from './update-check/index.js';
import { updatePullRequest } from './update-pr/index.js';
import { modelModules } from './model-modules/index.js';
import { registryMlflow } from './registry-mlflow/index.js';
import { release } from './release/index.js';
import { retrain } from './retrain/index.js';
import { report } from './report/index.js';

export const features = [
  base,
  runnerHosted,
  runnerSelfHosted,
  runnerEc2,
  runnerArc,
  trackerMlflow,
  trackerWandb,
  trackerComet,
  dataDvc,
  trackerNeptune,
  updateCheck,
  updatePullRequest,
  modelModules,
  // Before release, which publishes to the registry it declares.
  registryMlflow,
  release,
  retrain,
  report,
] as const;

export type FeatureId = (typeof features)[number]['id'];
