/** `--format sarif`: SARIF 2.1.0, one run with every rule described, for GitHub code scanning. */
import type { Severity } from '../validate/finding.js';
import { ruleDescriptors } from '../validate/descriptors.js';
import type { Report } from '../validate/validate-project.js';
import { shown, type RenderContext } from './context.js';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** The first sentence, without markdown backticks: the title code scanning shows. */
function shortText(doc: string): string {
  return (/^.*?[.:](?=\s|$)/.exec(doc)?.[0] ?? doc).replaceAll('`', '');
}

const uri = (path: string) => path.split('/').map(encodeURIComponent).join('/');

export function formatSarif(report: Report, context: RenderContext, version: string): string {
  const { findings } = shown(report, context);
  const descriptors = ruleDescriptors();
  const index = new Map(descriptors.map((descriptor, at) => [descriptor.id, at]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ml-cicd',
            version,
            semanticVersion: version,
            informationUri: 'https://www.npmjs.com/package/ml-cicd',
            rules: descriptors.map((rule) => ({
              id: rule.id,
              shortDescription: { text: shortText(rule.doc) },
              fullDescription: { text: rule.doc.replaceAll('`', '') },
              help: { text: rule.doc.replaceAll('`', ''), markdown: rule.doc },
              defaultConfiguration: { level: levels[rule.severity] },
              properties: {
                tags: rule.security.length > 0 ? ['security', ...rule.security] : ['ml-cicd'],
              },
            })),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ...(index.has(finding.rule) ? { ruleIndex: index.get(finding.rule) } : {}),
          level: levels[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uri(finding.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: finding.line, startColumn: finding.column },
              },
            },
          ],
        })),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notes.map((text) => ({
              level: 'note',
              message: { text },
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
