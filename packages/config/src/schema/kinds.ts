/**
 * The kinds of the sections of `ml-cicd.yaml` that features fill, from the feature registry of
 * @ml-cicd/core: `pnpm docs:tables` writes `kinds.generated.ts`, since config cannot import core.
 */
import type { JsonSchema } from './json-schema.js';
import type { NamedPattern } from './patterns.js';
import { kinds } from './kinds.generated.js';

/** A value of `tracker.kind`, and what it means. */
export interface TrackerKind {
  value: string;
  description: string;
}

/** A value of a section's `kind` (`runner.kind`): what it means, and its branch of the schema. */
export interface KindBranch {
  value: string;
  /** A few words after the kind in the description of `kind`: `ec2 (an EC2 instance …)`. */
  meaning: string;
  title: string;
  description: string;
  /** Its keys besides `kind`; one the section's kinds share (`timeout-minutes`) replaces theirs. */
  properties: Record<string, JsonSchema>;
  required: readonly string[];
  /** The patterns of its keys with what they mean, which errors say instead of the pattern. */
  patterns?: readonly NamedPattern[];
}

export interface SchemaKinds {
  tracker: readonly TrackerKind[];
  runner: readonly KindBranch[];
  data: readonly KindBranch[];
  /** Values earlier versions wrote that `ml-cicd update` replaces, by the dotted path of the key. */
  replaced: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const {
  tracker: trackerKinds,
  runner: runnerKinds,
  data: dataKinds,
  replaced: replacedValues,
} = kinds;

/**
 * A kind's closed object: `kind`, its own keys, then the keys every kind of the section has
 * (`common`), where a kind's own schema of such a key (a hosted runner's shorter timeout) wins.
 */
export function kindBranch(
  { value, title, description, properties, required }: KindBranch,
  kindDescription: string,
  common: Record<string, JsonSchema> = {},
): JsonSchema {
  const isOwn = (key: string) => key !== 'kind' && !(key in common);
  const own = Object.entries(properties).filter(([key]) => isOwn(key));
  const shared = Object.entries(common).map(([key, schema]) => [key, properties[key] ?? schema]);
  return {
    title,
    description,
    type: 'object',
    required: ['kind', ...required.filter(isOwn), ...Object.keys(common)],
    additionalProperties: false,
    properties: {
      kind: { title: 'Kind', description: kindDescription, const: value },
      ...Object.fromEntries(own),
      ...Object.fromEntries(shared),
    },
  };
}
