export type Tool =
  'workflow-parser' | 'actionlint' | 'zizmor' | 'check-jsonschema' | 'shellcheck' | 'pyflakes';

export interface Finding {
  tool: Tool;
  /** Relative to the project directory, with `/` separators. */
  file: string;
  line?: number;
  column?: number;
  rule?: string;
  message: string;
}

export interface Report {
  /** Must be empty for a generated project. */
  findings: Finding[];
  /** What zizmor's pedantic persona adds on top of `findings`: reviewed, not necessarily empty. */
  pedantic: Finding[];
  /**
   * What zizmor's auditor persona adds on top of `pedantic`: audits meant for a security review,
   * which flag choices a team makes on purpose (docs/guide/security.md lists them).
   */
  auditor: Finding[];
}

/** The files one run validates, relative to the project directory with `/` separators. */
export interface ProjectFiles {
  workflows: string[];
  actions: string[];
  dependabot: string[];
}
