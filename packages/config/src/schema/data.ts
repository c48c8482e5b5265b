/** Schema of `data`: how data and models are versioned, and where DVC keeps them. */
import type { DvcRemoteKind } from '../types.js';
import type { JsonSchema } from './json-schema.js';
import type { NamedPattern } from './patterns.js';

/** The URL form of each kind of DVC remote; the scheme must match the kind. */
export const dvcRemoteUrls: Record<DvcRemoteKind, NamedPattern> = {
  s3: { pattern: '^s3://[^/\\s]+(/\\S*)?$', meaning: 'an s3://<bucket>/<path> URL' },
  gs: { pattern: '^gs://[^/\\s]+(/\\S*)?$', meaning: 'a gs://<bucket>/<path> URL' },
  azure: { pattern: '^azure://[^/\\s]+(/\\S*)?$', meaning: 'an azure://<container>/<path> URL' },
  ssh: {
    pattern: '^ssh://([^@/\\s]+@)?[^@/\\s]+(/\\S*)?$',
    meaning: 'an ssh://[<user>@]<host>/<path> URL',
  },
  // A folder on this machine or a mounted share: any path without a URL scheme.
  local: {
    pattern: '^(?![A-Za-z][A-Za-z0-9+.-]+://)\\S(.*\\S)?$',
    meaning: 'a folder path (no URL scheme)',
  },
  dagshub: {
    pattern: '^https://dagshub\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\\.dvc$',
    meaning: 'a https://dagshub.com/<owner>/<repo>.dvc URL',
  },
};

export const dvcRemoteKinds = Object.keys(dvcRemoteUrls) as DvcRemoteKind[];

function remote(kind: DvcRemoteKind): JsonSchema {
  return {
    title: `${kind} remote`,
    description: `A ${kind} remote at ${dvcRemoteUrls[kind].meaning}.`,
    type: 'object',
    required: ['kind', 'url'],
    additionalProperties: false,
    properties: {
      kind: {
        title: 'Kind',
        description: `Where DVC pushes data and models: ${dvcRemoteKinds.join(', ')}.`,
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

export const data: JsonSchema = {
  title: 'Data',
  description:
    'How data and models are versioned: with DVC, dvc.yaml stages, params.yaml (made from params) and a remote.',
  type: 'object',
  required: ['kind', 'remote'],
  additionalProperties: false,
  properties: {
    kind: {
      title: 'Kind',
      description: 'dvc: data and models versioned with DVC.',
      const: 'dvc',
    },
    remote: {
      title: 'DVC remote',
      description: 'The default DVC remote: its kind and URL (credentials never go here).',
      type: 'object',
      discriminator: { propertyName: 'kind' },
      oneOf: dvcRemoteKinds.map(remote),
    },
  },
};
