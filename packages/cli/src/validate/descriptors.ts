/**
 * Every id a finding can carry, with its doc and severity: the named rules, the rules of
 * ml-cicd.yaml from @ml-cicd/config, and the built-in checks that are not rules (no off-switch).
 */
import { everyRule } from '../rules/index.js';
import type { Severity } from './finding.js';

export interface RuleDescriptor {
  id: string;
  doc: string;
  severity: Severity;
  security: readonly string[];
}

export const builtinChecks: readonly RuleDescriptor[] = [
  {
    id: 'yaml',
    severity: 'error',
    security: ['C14'],
    doc: '`ml-cicd.yaml`, every workflow and every local action is valid YAML 1.2 (so `on` stays a string): one document, no duplicate keys, no tabs for indentation.',
  },
  {
    id: 'schema',
    severity: 'error',
    security: [],
    doc: '`ml-cicd.yaml` matches its JSON Schema (`@ml-cicd/config`): the keys, types and values it accepts, each finding saying what would be valid.',
  },
  {
    id: 'unknown-rule',
    severity: 'warning',
    security: [],
    doc: 'Every id under `rules:` in `ml-cicd.yaml` names a rule, so a misspelt off-switch does not silently leave the rule on.',
  },
];

export function ruleDescriptors(): RuleDescriptor[] {
  return [...builtinChecks, ...everyRule].map(({ id, doc, severity, security }) => ({
    id,
    doc,
    severity,
    security,
  }));
}
