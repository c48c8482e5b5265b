/**
 * Runs logged to an MLflow tracking server (self-hosted, or DagsHub's hosted MLflow) when
 * MLFLOW_TRACKING_URI is set; without it the project logs to its local files only.
 */
import { defineFeature } from '../types.js';
import { mlflowReadme } from './readme.js';

export const trackerMlflow = defineFeature({
  id: 'tracker-mlflow',
  title: 'MLflow',
  description:
    'log runs to an MLflow tracking server (also DagsHub) when MLFLOW_TRACKING_URI is set',
  choice: { option: 'tracker', value: 'mlflow' },
  contribute(model, { templates }) {
    model.gitignore.push({
      comment: "MLflow's local run store, where a run logs without a tracking server",
      lines: ['mlruns/'],
    });
    model.config.tracker = { kind: 'mlflow' };
    for (const [path, content] of templates.feature('tracker-mlflow')) model.addFile(path, content);
    model.requirements.add('mlflow-skinny');
    model.devRequirements.add('mlflow');

    model.envVars.push(
      {
        name: 'MLFLOW_TRACKING_URI',
        description:
          'MLflow tracking server, e.g. https://mlflow.example.com; unset: local files only.',
        secret: false,
      },
      {
        name: 'MLFLOW_TRACKING_USERNAME',
        description: 'User name on the tracking server, when it asks for one (DagsHub: your user).',
        secret: true,
      },
      {
        name: 'MLFLOW_TRACKING_PASSWORD',
        description: 'Password or access token of that user (DagsHub: a token).',
        secret: true,
      },
      {
        name: 'MLFLOW_EXPERIMENT_NAME',
        description: 'Experiment the runs go to.',
        secret: false,
        default: model.config.project.name,
      },
      {
        name: 'MLFLOW_AUTOLOG',
        description:
          "true: MLflow also autologs the model's fit (the estimator's parameters, training scores).",
        secret: false,
        default: 'false',
      },
    );
    model.passToTraining('MLFLOW_TRACKING_URI', false);
    model.passToTraining('MLFLOW_TRACKING_USERNAME', true);
    model.passToTraining('MLFLOW_TRACKING_PASSWORD', true);
    model.passToTraining('MLFLOW_AUTOLOG', false);
    model.readme.push(mlflowReadme);
  },
});
