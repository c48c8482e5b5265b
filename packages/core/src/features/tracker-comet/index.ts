/**
 * Runs logged to Comet when COMET_API_KEY is set (or COMET_START_ONLINE=false, for a run kept as
 * an offline archive to upload later); without either the project logs to its local files only.
 */
import { defineFeature } from '../types.js';
import { cometReadme } from './readme.js';

// The newest comet-ml for every Python the project offers, as of the locks' cutoff.
const cometMl = '3.58.8';

export const trackerComet = defineFeature({
  id: 'tracker-comet',
  title: 'Comet',
  description: 'log runs to Comet when COMET_API_KEY is set (offline archives too)',
  choice: { option: 'tracker', value: 'comet' },
  contribute(model, { templates }) {
    model.gitignore.push({
      comment: "Comet's offline archives (each waits there for comet upload)",
      lines: ['.cometml-runs/'],
    });
    model.config.tracker = { kind: 'comet' };
    for (const [path, content] of templates.feature('tracker-comet')) model.addFile(path, content);
    model.requirements.pin('comet-ml', cometMl);

    model.envVars.push(
      {
        name: 'COMET_API_KEY',
        description:
          'API key of your Comet account (Account settings, API Keys); unset: local files only.',
        secret: true,
      },
      {
        name: 'COMET_PROJECT_NAME',
        description: 'Comet project the runs go to.',
        secret: false,
        default: model.config.project.name,
      },
      {
        name: 'COMET_WORKSPACE',
        description: 'Comet workspace that owns the project; unset: your default workspace.',
        secret: false,
      },
      {
        name: 'COMET_START_ONLINE',
        description:
          'false: keep each run as an archive under .cometml-runs/ and upload it later with comet upload.',
        secret: false,
      },
    );
    model.passToTraining('COMET_PROJECT_NAME', false);
    model.passToTraining('COMET_WORKSPACE', false);
    model.passToTraining('COMET_API_KEY', true);
    model.readme.push(cometReadme);
  },
});
