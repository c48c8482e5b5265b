/**
 * Loads `ml-cicd.yaml` in three layers: YAML, then the schema (shape), then the named rules
 * (meaning). Every problem comes back as a finding with its file:line:col; nothing throws.
 */
import { checkSchema, schemaRule } from './check-schema.js';
import type { Finding } from './finding.js';
import { readYaml } from './read-yaml.js';
import { findingOf, problemAtPath } from './rule.js';
import { rules } from './rules/index.js';
import type { MlCicdConfig } from './types.js';
import type { YamlFile } from './yaml-file.js';

export interface LoadResult {
  /** The file as parsed, with the position of every node: the one parse of `ml-cicd.yaml`. */
  file: YamlFile;
  /** Present when there is no error finding (warnings may remain). */
  config?: MlCicdConfig;
  findings: Finding[];
}

export function loadConfig(text: string, path = 'ml-cicd.yaml'): LoadResult {
  const { file, data, findings: yamlFindings } = readYaml(text, path);
  if (data === undefined) return { file, findings: sortFindings(yamlFindings) };

  const shape = checkSchema(data).map((problem) => ({
    rule: schemaRule,
    severity: 'error' as const,
    ...problemAtPath(file, problem.path, problem.message, problem.anchor),
  }));
  if (shape.length > 0) return { file, findings: sortFindings([...yamlFindings, ...shape]) };

  const config = data as unknown as MlCicdConfig;
  const meaning = rules
    .filter((rule) => config.rules?.[rule.id] !== 'off')
    .flatMap((rule) => rule.check({ config, file }).map((problem) => findingOf(rule, problem)));
  const findings = sortFindings([...yamlFindings, ...meaning]);
  return findings.some((f) => f.severity === 'error')
    ? { file, findings }
    : { file, config, findings };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
