import { resolve } from 'node:path';
import { lintActionScripts } from './action-scripts.js';
import { runActionlint } from './actionlint.js';
import { runCheckJsonschema } from './check-jsonschema.js';
import { findProjectFiles } from './project-files.js';
import { assertToolsInstalled } from './tools.js';
import type { Finding, Report } from './types.js';
import { runWorkflowParser } from './workflow-parser.js';
import { runZizmor } from './zizmor.js';

export { formatReport } from './format-report.js';
export { assertToolsInstalled } from './tools.js';
export type { Finding, Report, Tool } from './types.js';

function byPosition(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.tool.localeCompare(b.tool) ||
    a.message.localeCompare(b.message)
  );
}

function sorted(findings: Finding[]): Finding[] {
  const unique = new Map(findings.map((finding) => [JSON.stringify(finding), finding]));
  return [...unique.values()].sort(byPosition);
}

/**
 * Runs GitHub's workflow parser, actionlint (with shellcheck and pyflakes), zizmor and
 * check-jsonschema on the workflows, local actions and Dependabot config of a project directory.
 * Throws if the tools are not installed (`pnpm setup:tools`) or one of them crashes.
 */
export async function validateProject(projectDir: string): Promise<Report> {
  await assertToolsInstalled();
  const dir = resolve(projectDir);
  const files = await findProjectFiles(dir);
  const all = [...files.workflows, ...files.actions, ...files.dependabot];
  const [zizmor, ...lists] = await Promise.all([
    runZizmor(dir, all),
    runActionlint(dir, files.workflows),
    runCheckJsonschema(dir, {
      'vendor.github-workflows': files.workflows,
      // Every job that has `runs-on` sets `timeout-minutes` (W15).
      'custom.github-workflows-require-timeout': files.workflows,
      'vendor.github-actions': files.actions,
      'vendor.dependabot': files.dependabot,
    }),
    runWorkflowParser(dir, files),
    lintActionScripts(dir, files.actions),
  ]);
  return {
    findings: sorted([...zizmor.findings, ...lists.flat()]),
    pedantic: sorted(zizmor.pedantic),
    auditor: sorted(zizmor.auditor),
  };
}
