/** The rules of ml-cicd.yaml: what they read, and that they answer at once. */
import type { Problem, Rule } from '../rule.js';
import type { MlCicdConfig } from '../types.js';
import type { YamlFile } from '../yaml-file.js';

/** The config, once it matches the schema, and its file for the positions. */
export interface ConfigSubject {
  config: MlCicdConfig;
  file: YamlFile;
}

/** Run as the config is loaded, which is synchronous. */
export type ConfigRule = Omit<Rule<ConfigSubject>, 'check'> & {
  check(subject: ConfigSubject): Problem[];
};
