/** The README section of a project that logs to Weights & Biases. */
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { trainingReads } from '../../settings-docs.js';

function body(model: ProjectModel): string {
  return `With \`WANDB_API_KEY\` set, \`train.py\` also logs each run to Weights & Biases: the parameters
as the run's config, the metrics, the training time and git commit in its summary, the plots of
the task as HTML media, and the model file as an artifact. The run starts before training, so a run
that crashes ends with exit code 1, which W&B shows as failed. With
\`WANDB_MODE=offline\` it needs no key: the run stays on disk under \`wandb/\` (git-ignored) until
\`wandb sync\` uploads it. With neither, the run logs to \`${model.config.outputs.dir}/\` only and says so in one line.
The code lives in \`src/${model.config.project.package}/tracking_backend.py\`.

In CI, the **Train** workflow reads ${trainingReads(model)}. Pull requests (and forks) get none of them, so their tests log locally.

The tests run the real client in offline mode and read the parameters and metrics back from the
run file it writes.`;
}

export const wandbReadme: ReadmeSection = { title: 'Experiment tracking', body, order: 45 };
