/** The report as Markdown, for the job summary and the pull request comment. */
import { renderChart } from './chart.ts';
import { code, formatChange, formatNumber, formatPercent } from './format.ts';
import { isBroken, type GateResult, type RuleStatus } from './gates.ts';
import { failures, missingBaselineFiles, noBaseline, notCompared, tooLong } from './messages.ts';
import type { MetricRow } from './metrics.ts';
import type { ParamsDiff } from './params.ts';
import type { Report } from './report.ts';

const TITLE = '## Model report';
const DASH = '—';
const MARK: Record<RuleStatus, string> = { pass: '✅', fail: '❌', 'no-baseline': '➖' };

function table(header: string[], align: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align), ...rows.map(line)].join('\n');
}

function headline(gates: GateResult[]): string | undefined {
  if (gates.length === 0) return undefined;
  const broken = failures(gates);
  if (broken.length > 0) return `❌ **Gate broken:** ${broken.join('; ')}.`;
  const waiting = gates.flatMap((g) => g.results).filter((r) => r.status === 'no-baseline');
  const pass = gates.length === 1 ? 'The gate passes' : `All ${gates.length} gates pass`;
  if (waiting.length === 0) return `✅ **${pass}.**`;
  const rules = waiting.length === 1 ? '1 rule waits' : `${waiting.length} rules wait`;
  return `✅ **${pass}** (${rules} for a baseline).`;
}

function gateCell(metric: string, gates: GateResult[]): string {
  return gates
    .filter((gate) => gate.metric === metric)
    .flatMap((gate) => gate.results)
    .map(({ rule, status }) => `${MARK[status]} ${code(rule.text)}`)
    .join(' ');
}

function metricsTable(report: Report): string {
  const gated = report.gates.length > 0;
  const broken = new Set(report.gates.filter(isBroken).map((gate) => gate.metric));
  const show = (value: number | undefined, format: (n: number) => string) =>
    value === undefined ? DASH : format(value);
  const row = (r: MetricRow): string[] => {
    const name = broken.has(r.name) ? `❌ **${code(r.name)}**` : code(r.name);
    const cells = report.hasBaseline
      ? [
          name,
          show(r.base, formatNumber),
          show(r.head, formatNumber),
          r.head === undefined
            ? 'not in this run'
            : r.base === undefined
              ? 'new'
              : show(r.change, formatChange),
          show(r.changePct, formatPercent),
        ]
      : [name, show(r.head, formatNumber)];
    return gated ? [...cells, gateCell(r.name, report.gates)] : cells;
  };
  const header = report.hasBaseline
    ? ['Metric', 'Base', report.runLabel, 'Change', 'Change %']
    : ['Metric', report.runLabel];
  const align = header.map((_, i) => (i === 0 ? ':--' : '--:'));
  return table(
    gated ? [...header, 'Gate'] : header,
    gated ? [...align, ':--'] : align,
    report.rows.map(row),
  );
}

function paramsSection(params: ParamsDiff, runLabel: string): string {
  const value = (text: string | undefined) => (text === undefined ? DASH : code(text));
  if (!params.changed) {
    const rows = params.head.map(([name, v]) => [code(name), code(v)]);
    return [
      `<details><summary>Params of this run (${params.head.length})</summary>`,
      '',
      table(['Param', 'Value'], [':--', ':--'], rows),
      '',
      '</details>',
    ].join('\n');
  }
  if (params.changed.length === 0) {
    return `**Params:** no change from the base (${params.head.length} params).`;
  }
  const rows = params.changed.map((c) => [code(c.name), value(c.base), value(c.head)]);
  return [
    '### Params',
    '',
    `${params.changed.length} changed from the base (${params.head.length} params in this run).`,
    '',
    table(['Param', 'Base', runLabel], [':--', ':--', ':--'], rows),
  ].join('\n');
}

function chartSection(report: Report): string | undefined {
  if (!report.hasBaseline) return undefined;
  const gated = new Set(report.gates.map((gate) => gate.metric));
  const chart = renderChart(report.rows, gated, report.runLabel);
  if (!chart) return undefined;
  return [
    `<details><summary>Chart: ${report.runLabel} against the base</summary>`,
    '',
    chart,
    '',
    '</details>',
  ].join('\n');
}

function link(text: string, url: string): string {
  return `[${text}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

function links(report: Report): string | undefined {
  const all = [
    report.runUrl && link('Workflow run', report.runUrl),
    report.trackerUrl && link('Tracker run', report.trackerUrl),
  ].filter(Boolean);
  return all.length > 0 ? all.join(' · ') : undefined;
}

export function renderReport(report: Report): string {
  const notes = [
    !report.hasBaseline && `> ${noBaseline}`,
    report.hasBaseline &&
      report.missingBaseline.length > 0 &&
      `> ${missingBaselineFiles(report.missingBaseline)}`,
    report.notNumbers.length > 0 &&
      `> ${notCompared(report.notNumbers.map((entry) => code(entry)))}`,
  ];
  return [
    TITLE,
    headline(report.gates),
    ...notes,
    metricsTable(report),
    report.params && paramsSection(report.params, report.runLabel),
    chartSection(report),
    links(report),
  ]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join('\n\n')
    .concat('\n');
}

/** What a comment says when the full report is over GitHub's size limit. */
export function renderBrief(report: Report): string {
  return [TITLE, headline(report.gates), tooLong(report.runUrl)]
    .filter((part): part is string => part !== undefined)
    .join('\n\n')
    .concat('\n');
}
