/** The README section of a project that logs to Neptune. */
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { trainingReads } from '../../settings-docs.js';

function body(model: ProjectModel): string {
  return `With \`NEPTUNE_API_TOKEN\` and \`NEPTUNE_PROJECT\` (\`workspace/project\`) set, \`train.py\` also logs each
run to Neptune with \`neptune-scale\`, the client of Neptune 3.x: the parameters, the metrics, the
training time and git commit, the model file and the plots of the task. The run starts before
training, and \`run/status\` says how it ended (\`finished\`, \`failed\` or \`killed\`): Neptune 3.x
has no failed state of its own. The token also says which
Neptune server to reach, so a self-hosted Neptune needs nothing more. With \`NEPTUNE_MODE=offline\`
it needs no token: the run stays on disk under \`.neptune/\` (git-ignored) until
\`neptune sync\` uploads it (keep \`${model.config.outputs.dir}/\` until then: the files are sent from there).
Online, the end of a run waits at most \`NEPTUNE_CLOSE_TIMEOUT\` seconds (default 60) for the server
to take it, so an unreachable server cannot hold the job; what is not sent by then stays under
\`.neptune/\` for \`neptune sync\`, and one line says so.
With neither, the run logs to \`${model.config.outputs.dir}/\` only and says so in one line. The code lives in
\`src/${model.config.project.package}/tracking_backend.py\`.

Neptune's hosted service was wound down after its acquisition by OpenAI (announced on 3 December
2025; hosted data deleted after 5 March 2026), and ml-cicd no longer offers it to new projects.
This project keeps working offline until it moves: export the runs with \`neptune-exporter\`
(github.com/neptune-ai/neptune-exporter), which loads them into MLflow or Weights & Biases, then
run \`npx ml-cicd update --tracker mlflow\` (or \`--tracker wandb\`) and review the diff.

In CI, the **Train** workflow reads ${trainingReads(model)}. Pull requests (and forks) get neither, so their tests log locally.

The tests run the real client in offline mode and read the parameters, metrics and files back from
the SQLite file it writes.`;
}

export const neptuneReadme: ReadmeSection = { title: 'Experiment tracking', body, order: 45 };
