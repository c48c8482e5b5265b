/**
 * The kinds of the sections of `ml-cicd.yaml` that features fill, from the feature registry of
 * @ml-cicd/core: `pnpm docs:tables` writes `kinds.generated.ts`, since config cannot import core.
 */
import type { JsonSchema } from './json-schema.js';
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
  /** Its keys besides `kind`; a `timeout-minutes` here replaces the common one. */
  properties: Record<string, JsonSchema>;
  required: readonly string[];
}

export interface SchemaKinds {
  tracker: readonly TrackerKind[];
  runner: readonly KindBranch[];
  /** Values earlier versions wrote that `ml-cicd update` replaces, by the dotted path of the key. */
  replaced: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const { tracker: trackerKinds, runner: runnerKinds, replaced: replacedValues } = kinds;
