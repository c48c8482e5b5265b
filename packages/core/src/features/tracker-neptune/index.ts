/**
 * Runs logged to Neptune (neptune-scale, the client of Neptune 3.x) when NEPTUNE_API_TOKEN is set,
 * or kept on disk with NEPTUNE_MODE=offline; without either the project logs to its local files only.
 * Retired: Neptune's hosted service shut down, so no new project gets it; a project that has it
 * still renders and works offline until `ml-cicd update --tracker mlflow` (or wandb) moves it.
 */
import { defineFeature } from '../types.js';
import { neptuneReadme } from './readme.js';

export const trackerNeptune = defineFeature({
  id: 'tracker-neptune',
  title: 'Neptune',
  description:
    'retired (the hosted service shut down): projects that have it keep logging offline until ml-cicd update --tracker mlflow or wandb',
  choice: {
    option: 'tracker',
    value: 'neptune',
    retired:
      "--tracker neptune is no longer offered, as Neptune's hosted service shut down: use --tracker mlflow or --tracker wandb (an existing project moves with ml-cicd update --tracker mlflow).",
  },
  contribute(model, { templates }) {
    model.gitignore.push({ comment: "Neptune's offline run files", lines: ['.neptune/'] });
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
