/** Schema of `tracker`: the experiment tracker runs are logged to, besides the local files. */
import type { TrackerKind } from '../types.js';
import type { JsonSchema } from './json-schema.js';

// neptune stays valid for the projects made before it was retired; validate's neptune-use reports it.
const trackerKinds: TrackerKind[] = ['none', 'mlflow', 'wandb', 'neptune'];

export const tracker: JsonSchema = {
  title: 'Tracker',
  description:
    'Where train.py logs each run besides the local files; its settings and secrets come from environment variables, never from this file.',
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: {
      title: 'Kind',
      description:
        'none: local files only; mlflow: an MLflow tracking server (also DagsHub); wandb: Weights & Biases; neptune: retired (its hosted service shut down), kept so projects that have it still validate until ml-cicd update --tracker mlflow or wandb moves them.',
      type: 'string',
      enum: trackerKinds,
    },
  },
};
