import type { Finding } from './types.js';

function location(finding: Finding): string {
  return [finding.file, finding.line, finding.column]
    .filter((part) => part !== undefined)
    .join(':');
}

/** One line per finding: `tool file:line:col [rule] message`. */
export function formatReport(findings: readonly Finding[]): string {
  return findings
    .map((finding) => {
      const rule = finding.rule ? ` [${finding.rule}]` : '';
      const message = finding.message.replace(/\s+/g, ' ').trim();
      return `${finding.tool} ${location(finding)}${rule} ${message}`;
    })
    .join('\n');
}
