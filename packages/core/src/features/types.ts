/** The shape of a feature module: one option of the generated project, declared as data. */
import type { KindBranch } from '@ml-cicd/config';
import type { Answers } from '../answers.js';
import type { SlotKey } from '../options.js';
import type { ProjectModel } from '../model.js';
import type { FeatureOption } from '../option-types.js';
import type { AddKind } from '../add-kinds.js';
import type { TemplateReader } from '../templates.js';

export interface FeatureContext {
  answers: Answers;
  /** The ids of the features the project has: whether another feature is there, not its answers. */
  selected: ReadonlySet<string>;
  templates: TemplateReader;
}

export interface Feature<Id extends string = string> {
  id: Id;
  title: string;
  /** One line, shown as the hint of its choice and in `--help`. */
  description: string;
  /**
   * The choice that selects it; a feature with no `choice`, `on`, `serves` nor `needs` is always
   * on. A `retired` choice is no longer offered: its sentence answers a flag that asks for it,
   * while a project that recorded it still renders (for `ml-cicd update` and `validate`) until it
   * moves to another choice.
   */
  choice?: {
    option: SlotKey;
    value: string;
    retired?: string;
  };
  /**
   * Whether a feature no choice selects is in the project, by answers (`--release off`), and
   * those answers as the docs say them. A feature that is off contributes nothing and is listed
   * nowhere.
   */
  on?: { holds: (answers: Answers) => boolean; description: string };
  /**
   * The features this one exists for (ids of the registry): it is on when one of them is, and
   * the scaffold's message names them, not it.
   */
  serves?: readonly string[];
  /**
   * The features this one adds to (ids of the registry): it is on when all of them are, and the
   * scaffold's message names it with them.
   */
  needs?: readonly string[];
  /**
   * Its kind's branch of the schema of ml-cicd.yaml, for a feature whose choice is the kind of a
   * section (`runner.kind`, `data.kind`): the keys it writes there. `pnpm docs:tables` copies it
   * into config.
   */
  schemaBranch?: Omit<KindBranch, 'value'>;
  /** Questions only this feature asks, and only when it is selected (flags, prompts, docs). */
  options?: readonly FeatureOption[];
  /** Why these answers do not fit together when the feature is selected, naming the flag. */
  problem?: (answers: Answers) => string | undefined;
  contribute: (model: ProjectModel, context: FeatureContext) => void;
  /** The kinds of `ml-cicd add workflow` it is, by name, with the files each writes. */
  add?: Readonly<Record<string, AddKind>>;
}

export function defineFeature<const Id extends string>(feature: Feature<Id>): Feature<Id> {
  return feature;
}
