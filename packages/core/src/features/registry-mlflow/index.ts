/**
 * The MLflow model registry, for a project that tracks runs in MLflow and releases its model:
 * before the GitHub release, the publish job registers the model there and moves the alias
 * `champion` to the new version.
 */
import { defineFeature } from '../types.js';

export const registryMlflow = defineFeature({
  id: 'registry-mlflow',
  title: 'MLflow model registry',
  description: 'the release registers the model in the MLflow model registry (alias champion)',
  needs: ['tracker-mlflow', 'release'],
  contribute(model, { templates }) {
    for (const [path, content] of templates.feature('registry-mlflow'))
      model.addFile(path, content);
    model.modelRegistry = {
      module: 'registry_mlflow',
      variables: ['MLFLOW_TRACKING_URI'],
      secrets: ['MLFLOW_TRACKING_USERNAME', 'MLFLOW_TRACKING_PASSWORD'],
      readme: ({ config }) => `registers the model in the
MLflow model registry: one run with the params, the metrics and \`model.skops\`, registered as a new
version of the model \`${config.project.name}\` (set \`MLFLOW_REGISTERED_MODEL_NAME\` to change it), and the alias
\`champion\` moves to that version, so \`models:/${config.project.name}@champion\` is always the released model
(aliases replace the registry stages MLflow deprecated).`,
    };
  },
});
