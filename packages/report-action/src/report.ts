/** Gathers everything the report shows from the files the inputs name. */
import { evaluateGates, type Gate, type GateResult } from './gates.ts';
import { compareMetrics, loadBaseline, loadMetrics, type MetricRow } from './metrics.ts';
import { loadParamsDiff, type ParamsDiff } from './params.ts';

export interface Report {
  rows: MetricRow[];
  gates: GateResult[];
  /** False when no baseline file exists yet (first run on the base branch, expired artifact). */
  hasBaseline: boolean;
  /** Baseline files that were listed but not found. */
  missingBaseline: string[];
  /** This run's values that are not numbers, as `name (kind)`: listed, not compared. */
  notNumbers: string[];
  params?: ParamsDiff;
  /** Column header of this run's values: "This PR" on pull requests. */
  runLabel: string;
  runUrl?: string;
  trackerUrl?: string;
}

export interface ReportSources {
  metrics: string[];
  baseline: string[];
  gates: Gate[];
  params: string[];
  baselineParams: string[];
  runLabel: string;
  runUrl?: string;
  trackerUrl?: string;
}

export function buildReport(sources: ReportSources): Report {
  const head = loadMetrics(sources.metrics);
  const baseline = loadBaseline(sources.baseline);
  const rows = compareMetrics(head.values, baseline.values);
  return {
    rows,
    gates: evaluateGates(sources.gates, rows),
    hasBaseline: baseline.values !== undefined,
    missingBaseline: baseline.missing,
    notNumbers: head.notNumbers,
    params: loadParamsDiff(sources.params, sources.baselineParams),
    runLabel: sources.runLabel,
    runUrl: sources.runUrl,
    trackerUrl: sources.trackerUrl,
  };
}
