/** Training and CI on GitHub-hosted runners: nothing to set up, fine for small models. */
import { defineFeature } from '../types.js';

export const runnerHosted = defineFeature({
  id: 'runner-hosted',
  title: 'GitHub-hosted runner',
  description: 'ubuntu-latest; nothing to set up, for small models',
  choice: { option: 'runner', value: 'hosted' },
  contribute(model) {
    model.runner = { runsOn: 'ubuntu-latest', labels: [], trustedCodeOnly: false };
    model.readme.push({
      title: 'Runner',
      order: 60,
      body: 'Jobs run on GitHub-hosted `ubuntu-latest` runners. When training outgrows them, generate\nthe project again with `--runner self-hosted` and move only `runs-on`.',
    });
  },
});
