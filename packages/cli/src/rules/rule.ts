/** What a named validate rule is: an id, its doc, a severity, and a check returning problems as data. */
import type { Node } from 'yaml';
import type { Severity } from '../validate/finding.js';
import type { Project } from '../validate/project.js';
import type { YamlFile } from '../validate/yaml-file.js';

export interface Problem {
  file: string;
  line: number;
  column: number;
  /** One sentence: what is wrong and what would be valid. */
  message: string;
  /** When this problem is more or less serious than the rule's usual severity. */
  severity?: Severity;
}

export interface Rule {
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
  check(project: Project): Problem[] | Promise<Problem[]>;
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

/** `"name"` in messages. */
export function quote(value: unknown): string {
  return JSON.stringify(value);
}
