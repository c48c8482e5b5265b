/**
 * `# ml-cicd: ignore[rule-id, other-id]` at the end of a line silences those rules' findings on
 * that line, for a reviewed exception that should not turn a rule off everywhere.
 */
import type { Finding } from './finding.js';

const comment = /#\s*ml-cicd:\s*ignore\[([^\]]*)\]/;

export function withoutIgnored(findings: Finding[], texts: ReadonlyMap<string, string>): Finding[] {
  const lines = new Map<string, string[]>();
  const ignored = (finding: Finding): boolean => {
    const text = texts.get(finding.file);
    if (text === undefined) return false;
    if (!lines.has(finding.file)) lines.set(finding.file, text.split(/\r?\n/));
    const match = comment.exec(lines.get(finding.file)?.[finding.line - 1] ?? '');
    return Boolean(match?.[1]?.split(',').some((id) => id.trim() === finding.rule));
  };
  return findings.filter((finding) => !ignored(finding));
}
