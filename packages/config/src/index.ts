/**
 * @ml-cicd/config: the schema of ml-cicd.yaml, loading it into positioned findings, the rules of
 * ml-cicd.yaml, and what every validate rule shares: the Rule and Finding types and the YAML loader.
 */
export type {
  Environment,
  Gate,
  MlCicdConfig,
  Param,
  ParamType,
  ParamsAs,
  PythonVersion,
  Data,
  DatasetConfig,
  ReportSettings,
  Runner,
  SecretsScope,
  Task,
  TrainSettings,
} from './types.js';
export { schema, extraArgsInput, maxDispatchInputs, maxParams, type JsonSchema } from './schema.js';
export { githubLimits } from './limits.js';
export { runnerTimeoutMinutes } from './schema/runner.js';
export type { KindBranch } from './schema/kinds.js';
export { secretsScopes } from './schema/secrets-scope.js';
export { tasks } from './schema/task.js';
export { loadConfig, type LoadResult } from './validate.js';
export { atLeast, formatFinding, severities, type Finding, type Severity } from './finding.js';
export { findingOf, problemAt, problemAtOffset, type Problem, type Rule } from './rule.js';
export {
  credentialNameProblem,
  rules,
  type ConfigRule,
  type ConfigSubject,
} from './rules/index.js';
export { parseYamlFile, yamlErrors, type YamlFile } from './yaml-file.js';
export { paramName, type NamedPattern } from './schema/patterns.js';
export type { Path } from './path.js';
