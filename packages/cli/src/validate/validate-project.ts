/**
 * `ml-cicd validate` as a function: load the repository, run every rule that is not turned off,
 * and return the findings (sorted, inline ignores applied) and the notes. Nothing is printed.
 */
import { findingOf } from '@ml-cicd/config';
import { everyRule, rules, type Rule } from '../rules/index.js';
import { teamsOwnFile } from '../rules/managed-files.js';
import { compareFindings, type Finding } from './finding.js';
import { withoutIgnored } from './inline-ignores.js';
import { loadProject } from './load-project.js';
import type { Project, ProjectOptions } from './project.js';
import { entries, get, text } from './yaml-nodes.js';

export interface ValidateOptions extends ProjectOptions {
  /** The rules of the repository to run (default: all of them). */
  rules?: readonly Rule[];
}

export interface Report {
  /** Absolute path of the validated folder. */
  dir: string;
  findings: Finding[];
  /** What was skipped or how a check worked: not findings. */
  notes: string[];
}

/** `rules: {<id>: off}` of ml-cicd.yaml, and a finding for each id that names no rule. */
function switches(project: Project): { off: Set<string>; unknown: Finding[] } {
  const file = project.configFile;
  const known = new Set(everyRule.map((rule) => rule.id));
  const off = new Set<string>();
  const unknown: Finding[] = [];
  for (const { key, keyNode, value } of entries(get(file?.doc.contents, 'rules'))) {
    if (text(value) === 'off') off.add(key);
    if (file && !known.has(key)) {
      unknown.push({
        rule: 'unknown-rule',
        severity: 'warning',
        file: file.path,
        ...file.at(keyNode),
        message: `rules.${key} names no rule of ml-cicd validate, so nothing is turned off; check the spelling against ml-cicd validate --help.`,
      });
    }
  }
  return { off, unknown };
}

async function run(rule: Rule, project: Project): Promise<Finding[]> {
  return (await rule.check(project))
    .filter((problem) => !rule.ownFilesOnly || !teamsOwnFile(project, problem.file))
    .map((problem) => findingOf(rule, problem));
}

/**
 * GitHub's parser echoes YAML errors, restates some named rules, and reports a called workflow's
 * errors again from each caller; keep one finding, the clearer one.
 */
function withoutEchoes(findings: Finding[]): Finding[] {
  const brokenYaml = new Set(findings.filter((f) => f.rule === 'yaml').map((f) => f.file));
  const ruled = new Set(
    findings
      .filter((f) => f.rule !== 'workflow-parser' && f.rule !== 'yaml' && f.severity !== 'info')
      .map((f) => `${f.file}:${f.line}:${f.column}`),
  );
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}:${f.line}:${f.column}:${f.rule}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return (
      f.rule !== 'workflow-parser' ||
      (!brokenYaml.has(f.file) && !ruled.has(`${f.file}:${f.line}:${f.column}`))
    );
  });
}

export async function validateProject(dir: string, options: ValidateOptions = {}): Promise<Report> {
  const { project, findings: loaded } = loadProject(dir, options);
  const { off, unknown } = switches(project);
  const active = (options.rules ?? rules).filter((rule) => !off.has(rule.id));
  const found = await Promise.all(active.map((rule) => run(rule, project)));
  const findings = withoutIgnored(
    withoutEchoes([...loaded, ...unknown, ...found.flat()]),
    project.texts,
  );
  return { dir, findings: findings.sort(compareFindings), notes: [...project.notes] };
}
