/**
 * Loads `ml-cicd.yaml` in three layers: YAML, then the schema (shape), then the named rules
 * (meaning). Every problem comes back as a finding with its file:line:col; nothing throws.
 */
import { checkSchema, schemaRule } from './check-schema.js';
import type { Finding, Severity } from './finding.js';
import type { Problem } from './problem.js';
import { readYaml } from './read-yaml.js';
import { rules } from './rules/index.js';
import type { MlCicdConfig } from './types.js';

export interface LoadResult {
  /** Present when there is no error finding (warnings may remain). */
  config?: MlCicdConfig;
  findings: Finding[];
}

export function loadConfig(text: string, file = 'ml-cicd.yaml'): LoadResult {
  const { source, data, findings: yamlFindings } = readYaml(text, file);
  if (data === undefined) return { findings: sortFindings(yamlFindings) };

  const locate = (rule: string, severity: Severity, problem: Problem): Finding => ({
    rule,
    severity,
    message: problem.message,
    file,
    ...source.locate(problem.path, problem.anchor),
  });
  const shape = checkSchema(data).map((problem) => locate(schemaRule, 'error', problem));
  if (shape.length > 0) return { findings: sortFindings([...yamlFindings, ...shape]) };

  const config = data as unknown as MlCicdConfig;
  const meaning = rules
    .filter((rule) => config.rules?.[rule.id] !== 'off')
    .flatMap((rule) =>
      rule.check(config).map((problem) => locate(rule.id, rule.severity, problem)),
    );
  const findings = sortFindings([...yamlFindings, ...meaning]);
  return findings.some((f) => f.severity === 'error') ? { findings } : { config, findings };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
