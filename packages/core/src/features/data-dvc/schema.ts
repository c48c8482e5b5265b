/** The dvc branch of ml-cicd.yaml's `data`: the default remote, one closed object per kind. */
import type { JsonSchema } from '@ml-cicd/config';
import { dvcRemoteKinds, dvcRemoteUrls, type DvcRemoteKind } from '../../dvc-remotes.js';
import type { Feature } from '../types.js';

// s3, ssh and http are read letter by letter: an es-three remote, an aitch-tee-tee-pee one.
const article = (kind: DvcRemoteKind) => (/^[aehious]/.test(kind) ? 'An' : 'A');

function remote(kind: DvcRemoteKind): JsonSchema {
  return {
    title: `${kind} remote`,
    description: `${article(kind)} ${kind} remote at ${dvcRemoteUrls[kind].meaning}.`,
    type: 'object',
    required: ['kind', 'url'],
    additionalProperties: false,
    properties: {
      kind: {
        title: 'Kind',
        description: `Where DVC keeps data and models: ${dvcRemoteKinds.join(', ')}.`,
        const: kind,
      },
      url: {
        title: 'URL',
        description: `The remote's URL in .dvc/config: ${dvcRemoteUrls[kind].meaning}.`,
        type: 'string',
        pattern: dvcRemoteUrls[kind].pattern,
      },
    },
  };
}

export const dvcSchema: Feature['schemaBranch'] = {
  meaning: 'data and models versioned with DVC',
  title: 'DVC setup',
  description:
    'Data and models versioned with DVC: dvc.yaml stages, params.yaml (made from params) and a remote.',
  properties: {
    remote: {
      title: 'DVC remote',
      description: 'The default DVC remote: its kind and URL (credentials never go here).',
      type: 'object',
      discriminator: { propertyName: 'kind' },
      oneOf: dvcRemoteKinds.map(remote),
    },
  },
  required: ['remote'],
  patterns: Object.values(dvcRemoteUrls),
};
