/** A rule of the repository: @ml-cicd/config's one Rule type, reading the whole project. */
import type { Rule as RuleOf } from '@ml-cicd/config';
import type { Project } from '../validate/project.js';

export { problemAt, problemAtOffset, type Problem } from '@ml-cicd/config';

export type Rule = RuleOf<Project>;

/** `"name"` in messages. */
export function quote(value: unknown): string {
  return JSON.stringify(value);
}
