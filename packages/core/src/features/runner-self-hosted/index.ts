/** Training on the team's own machine (a GPU box): never reachable from a fork's pull request. */
import { defineFeature } from '../types.js';

export const runnerSelfHosted = defineFeature({
  id: 'runner-self-hosted',
  title: 'Self-hosted runner',
  description: 'your own machine (e.g. a GPU box), selected by labels',
  choice: { option: 'runner', value: 'self-hosted' },
  contribute(model, { answers }) {
    const labels = answers.runnerLabels;
    model.runner = { runsOn: ['self-hosted', ...labels], labels, trustedCodeOnly: true };
    const { kind, ...rest } = model.config.runner;
    model.config.runner = { kind, labels, ...rest };
    const runsOn = ['self-hosted', ...labels].map((label) => `\`${label}\``).join(', ');
    model.readme.push({
      title: 'Runner',
      order: 60,
      body: `Training and same-repository checks run on a self-hosted runner with the labels ${runsOn}.
Register one under Settings → Actions → Runners with those labels (\`./config.sh --labels ${labels.join(',')}\`),
preferably as an ephemeral runner (\`--ephemeral\`), so each job starts clean.

Pull requests from forks never reach it: their checks run on a GitHub-hosted runner instead, and
training runs only when someone with write access dispatches it. Also set Settings → Actions →
"Require approval for all outside collaborators". A job waits in the queue while no runner with these
labels is online, up to GitHub's 24-hour queue limit; \`timeout-minutes\` bounds the run itself.`,
    });
  },
});
