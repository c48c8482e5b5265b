/** The README section of a project that re-evaluates its released model on a schedule. */
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { issueLabel, schedules } from './retrain-workflow.js';

const when = { monthly: 'on the 1st of each month', weekly: 'every Monday' } as const;

export function retrainReadme(schedule: keyof typeof schedules): ReadmeSection {
  const body = (model: ProjectModel) => {
    const { package: pkg } = model.config.project;
    return `The **Re-evaluate** workflow (\`.github/workflows/retrain.yml\`) runs ${when[schedule]} at 04:37 UTC
(cron \`${schedules[schedule]}\`; edit it in the workflow) and by hand from the Actions tab. It downloads
\`model.skops\` and \`metrics.json\` from the latest GitHub release, scores the model on fresh data
with \`python reevaluate.py\`, and compares: each gate of \`ml-cicd.yaml\` must hold, and no
metric may fall more than \`MAX_DROP\` (0.05, in \`reevaluate.py\`) below its recorded value.

- Fresh data comes from \`load_fresh_data\` in \`src/${pkg}/fresh_data.py\`: replace it with your
  newest labelled data. The default draws a bootstrap sample of the dataset with a little noise,
  so the loop works before you have any.
- When a gate breaks, one issue labelled \`${issueLabel}\` is opened, or, while it is open, its
  description is replaced by the newest report with a comment per run; the run fails. When every
  gate holds again, the issue is closed with a comment.
- The metrics go to the run's summary. Only the issue job can write, and only issues.
- With no release yet, the run says so and succeeds.`;
  };
  return { title: 'Scheduled re-evaluation', body, order: 56 };
}
