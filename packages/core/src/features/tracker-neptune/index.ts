/**
 * Runs logged to Neptune (neptune-scale, the client of Neptune 3.x) when NEPTUNE_API_TOKEN is set,
 * or kept on disk with NEPTUNE_MODE=offline; without either the project logs to its local files only.
 */
import { defineFeature } from '../types.js';
import { neptuneReadme } from './readme.js';

export const trackerNeptune = defineFeature({
  id: 'tracker-neptune',
  title: 'Neptune',
  description: 'log runs to a Neptune 3.x server when NEPTUNE_API_TOKEN is set (offline mode too)',
  choice: { option: 'tracker', value: 'neptune' },
  contribute(model, { templates }) {
    model.config.tracker = { kind: 'neptune' };
    for (const [path, content] of templates.feature('tracker-neptune')) {
      model.addFile(path, content);
    }
    model.requirements.add('neptune-scale');

    model.envVars.push(
      {
        name: 'NEPTUNE_API_TOKEN',
        description: 'API token of your Neptune user or service account; unset: local files only.',
        secret: true,
      },
      {
        name: 'NEPTUNE_PROJECT',
        description: 'Neptune project the runs go to, as workspace/project.',
        secret: false,
      },
      {
        name: 'NEPTUNE_MODE',
        description:
          'offline: keep runs on disk under .neptune/ and upload them later with neptune sync.',
        secret: false,
      },
      {
        name: 'NEPTUNE_CLOSE_TIMEOUT',
        description:
          'Seconds the end of a run waits for Neptune to take it; the rest stays for neptune sync.',
        secret: false,
        default: '60',
      },
    );
    model.passToTraining('NEPTUNE_PROJECT', false);
    model.passToTraining('NEPTUNE_API_TOKEN', true);
    model.passToTraining('NEPTUNE_CLOSE_TIMEOUT', false);
    model.readme.push(neptuneReadme);
  },
});
