/**
 * Runs logged to Weights & Biases when WANDB_API_KEY is set (or WANDB_MODE=offline, for a run kept
 * on disk to sync later); without either the project logs to its local files only.
 */
import { defineFeature } from '../types.js';
import { wandbReadme } from './readme.js';

export const trackerWandb = defineFeature({
  id: 'tracker-wandb',
  title: 'Weights & Biases',
  description: 'log runs to Weights & Biases when WANDB_API_KEY is set (offline mode too)',
  choice: { option: 'tracker', value: 'wandb' },
  contribute(model, { templates }) {
    model.gitignore.push({
      comment: "W&B's run folders (an offline run waits there for wandb sync)",
      lines: ['wandb/'],
    });
    model.config.tracker = { kind: 'wandb' };
    for (const [path, content] of templates.feature('tracker-wandb')) model.addFile(path, content);
    model.requirements.add('wandb');

    model.envVars.push(
      {
        name: 'WANDB_API_KEY',
        description: 'API key of your W&B account (wandb.ai/authorize); unset: local files only.',
        secret: true,
      },
      {
        name: 'WANDB_PROJECT',
        description: 'W&B project the runs go to.',
        secret: false,
        default: model.config.project.name,
      },
      {
        name: 'WANDB_ENTITY',
        description: 'W&B team or user that owns the project; unset: your default entity.',
        secret: false,
      },
      {
        name: 'WANDB_MODE',
        description:
          'offline: keep runs on disk under wandb/ and upload them later with wandb sync.',
        secret: false,
      },
    );
    model.passToTraining('WANDB_PROJECT', false);
    model.passToTraining('WANDB_ENTITY', false);
    model.passToTraining('WANDB_API_KEY', true);
    model.readme.push(wandbReadme);
  },
});
