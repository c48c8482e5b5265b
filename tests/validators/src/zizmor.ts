import { exec, ToolError, type ExecResult } from './exec.js';
import { tools } from './tools.js';
import type { Finding } from './types.js';

interface Point {
  row: number;
  column: number;
}

interface ZizmorLocation {
  symbolic: { key: { Local?: { verbatim_path: string } }; annotation: string; kind: string };
  concrete: { location: { start_point: Point } };
}

interface ZizmorFinding {
  ident: string;
  desc: string;
  determinations: { severity: string };
  locations: ZizmorLocation[];
}

// Exit codes 11-14 mean "findings at or above severity N": the JSON is there either way.
const FINDINGS = new Set([0, 11, 12, 13, 14]);

function toFinding(finding: ZizmorFinding): Finding {
  const primary =
    finding.locations.find((location) => location.symbolic.kind === 'Primary') ??
    finding.locations[0];
  const point = primary?.concrete.location.start_point;
  return {
    tool: 'zizmor',
    file: (primary?.symbolic.key.Local?.verbatim_path ?? '').replace(/^\.\//, ''),
    line: point && point.row + 1,
    column: point && point.column + 1,
    rule: finding.ident,
    message: `${finding.desc}: ${primary?.symbolic.annotation ?? ''} (${finding.determinations.severity})`,
  };
}

// With --strict-collection a file zizmor cannot load stops the whole run (without it, that file
// would be skipped with only a warning): report it, and audit the other files again without it.
function collectionFailure(result: ExecResult): Finding | undefined {
  const failed = /failed to load file:\/\/(\S+) as (.+)$/m.exec(result.stderr);
  if (!failed) return undefined;
  const causes = [...result.stderr.matchAll(/^\s*\d+: (.*)$/gm)].map((match) => match[1]);
  const cause = causes.at(-1) ?? 'invalid input';
  return {
    tool: 'zizmor',
    file: failed[1]!.replace(/^\.\//, ''),
    rule: 'collection',
    message: `could not load it as ${failed[2]}: ${cause}`,
  };
}

async function runPersona(dir: string, files: string[], persona: string): Promise<Finding[]> {
  const args = ['--offline', '--strict-collection', '--format', 'json', '--persona', persona];
  const failures: Finding[] = [];
  let remaining = files;
  while (remaining.length > 0) {
    const result = await exec(tools.zizmor, [...args, ...remaining], dir);
    if (FINDINGS.has(result.code)) {
      return [...failures, ...(JSON.parse(result.stdout) as ZizmorFinding[]).map(toFinding)];
    }
    const failure = collectionFailure(result);
    if (!failure || !remaining.includes(failure.file)) throw new ToolError('zizmor', result);
    failures.push(failure);
    remaining = remaining.filter((file) => file !== failure.file);
  }
  return failures;
}

/**
 * zizmor at the regular persona, what the pedantic persona adds to it, and what the auditor
 * persona adds to both.
 */
export async function runZizmor(
  dir: string,
  files: string[],
): Promise<{ findings: Finding[]; pedantic: Finding[]; auditor: Finding[] }> {
  if (files.length === 0) return { findings: [], pedantic: [], auditor: [] };
  const [findings, pedantic, auditor] = await Promise.all(
    ['regular', 'pedantic', 'auditor'].map((persona) => runPersona(dir, files, persona)),
  );
  const key = (finding: Finding) => JSON.stringify(finding);
  const regular = new Set(findings!.map(key));
  const pedanticOrLess = new Set(pedantic!.map(key));
  return {
    findings: findings!,
    pedantic: pedantic!.filter((finding) => !regular.has(key(finding))),
    auditor: auditor!.filter((finding) => !pedanticOrLess.has(key(finding))),
  };
}
