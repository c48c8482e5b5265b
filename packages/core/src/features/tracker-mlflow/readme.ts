/** The README section of a project that logs to MLflow. */
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { trainingReads } from '../../settings-docs.js';

function body(model: ProjectModel): string {
  return `With \`MLFLOW_TRACKING_URI\` set, \`train.py\` also logs each run to that MLflow tracking server:
the parameters, the metrics, the training time (\`duration_seconds\`), the git commit, the model file
and the plots of the task. With \`MLFLOW_AUTOLOG=true\` MLflow also autologs the model's fit (the
estimator's own parameters and training scores); autologging needs \`pandas\`, which \`mlflow-skinny\` leaves
out, so add it to \`requirements.in\` and lock again first. The run starts before training, so a
run that crashes ends as \`FAILED\` (\`KILLED\` when interrupted). Without \`MLFLOW_TRACKING_URI\`, the run logs to \`${model.config.outputs.dir}/\` only and says so in one line.
The code lives in \`src/${model.config.project.package}/tracking_backend.py\`; it uses \`mlflow-skinny\`, the MLflow
client without the server's dependencies, so training installs stay small.

| where | \`MLFLOW_TRACKING_URI\` | \`MLFLOW_TRACKING_USERNAME\` / \`MLFLOW_TRACKING_PASSWORD\` |
| --- | --- | --- |
| your own server (\`mlflow server\`) | its URL | only if it runs with \`--app-name basic-auth\` |
| DagsHub | \`https://dagshub.com/<user>/<repo>.mlflow\` | your DagsHub user and an access token |

In CI, the **Train** workflow reads ${trainingReads(model)}. Pull requests (and forks) get none of them, so their tests log locally.

The tests start a real \`mlflow server\` on 127.0.0.1 (SQLite, local artifacts) and read the run
back through its REST API, once with autologging; \`mlflow\` (the whole server) is therefore in \`requirements-dev.in\` only.
MLflow (3.2 and later) sends anonymous usage data by default; set \`MLFLOW_DISABLE_TELEMETRY=true\`
to turn that off (the tests do).`;
}

export const mlflowReadme: ReadmeSection = { title: 'Experiment tracking', body, order: 45 };
