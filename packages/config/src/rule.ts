/**
 * What a named validate rule is, wherever it lives: an id, its doc, a severity, and a check that
 * returns problems as data. `Subject` is what it reads: ml-cicd.yaml (the rules here, run as the
 * config is loaded) or the whole repository (the cli's rules).
 */
import type { Node } from 'yaml';
import type { Finding, Severity } from './finding.js';
import type { Path } from './path.js';
import type { Anchor, YamlFile } from './yaml-file.js';

/** A finding before it is given its rule: what is wrong, where. */
export interface Problem extends Omit<Finding, 'rule' | 'severity'> {
  /** When this problem is more or less serious than the rule's usual severity. */
  severity?: Severity;
}

export interface Rule<Subject> {
  /** Spelled the same in its file, its test, `rules: {<id>: off}` in ml-cicd.yaml and the docs. */
  id: string;
  /** What the rule checks and why, for the docs and SARIF. */
  doc: string;
  severity: Severity;
  /** The SECURITY.md properties it checks (W01, C11, ...), if any. */
  security: readonly string[];
  /**
   * Holds only the files ml-cicd wrote: in a repository it was added to, a workflow the manifest
   * does not list is the team's, and how the team runs its own jobs is left to it.
   */
  ownFilesOnly?: boolean;
  check(subject: Subject): Problem[] | Promise<Problem[]>;
}

/** A problem at a node of a YAML file (the file's start when the node is missing). */
export function problemAt(
  file: YamlFile,
  node: Node | null | undefined,
  message: string,
  severity?: Severity,
): Problem {
  return { file: file.path, ...file.at(node), message, ...(severity ? { severity } : {}) };
}

/** A problem at an offset of a YAML file. */
export function problemAtOffset(file: YamlFile, offset: number, message: string): Problem {
  return { file: file.path, ...file.position(offset), message };
}

/** A problem at the node a path into the data leads to (or its key). */
export function problemAtPath(
  file: YamlFile,
  path: Path,
  message: string,
  anchor?: Anchor,
): Problem {
  return { file: file.path, ...file.locate(path, anchor), message };
}

/** The finding a rule's problem becomes. */
export function findingOf(rule: Rule<never>, { severity, ...problem }: Problem): Finding {
  return { rule: rule.id, severity: severity ?? rule.severity, ...problem };
}
