/** The README section of a project that logs to Comet. */
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { trainingReads } from '../../settings-docs.js';

function body(model: ProjectModel): string {
  return `With \`COMET_API_KEY\` set, \`train.py\` also logs each run to Comet as an experiment: the
parameters, the metrics, the training time and git commit (as its "other" values, with the run's
\`status\`), the plots of the task as assets and the model file as the model \`model\`. The
experiment starts before training, so a run that crashes still ends, with \`status\` \`failed\`.
With \`COMET_START_ONLINE=false\` it needs no key: the run is written as an archive under
\`.cometml-runs/\` (git-ignored; \`COMET_OFFLINE_DIRECTORY\` moves it) until \`comet upload\` sends it.
With neither, the run logs to \`${model.config.outputs.dir}/\` only and says so in one line.
The code lives in \`src/${model.config.project.package}/tracking_backend.py\`.

In CI, the **Train** workflow reads ${trainingReads(model)}. Pull requests (and forks) get none of them, so their tests log locally.

The tests run the real client offline and read the parameters, metrics and files back from the
archive it writes. The client reports its own errors to Comet unless
\`COMET_ERROR_TRACKING_ENABLE=false\` (the tests set it).`;
}

export const cometReadme: ReadmeSection = { title: 'Experiment tracking', body, order: 45 };
