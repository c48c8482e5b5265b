/**
 * The vendored report action (`packages/report-action`, bundled) and the step that runs it, for
 * every workflow that reports metrics: the pull request report, and re-evaluation runs.
 */
import type { Gate } from '@ml-cicd/config';
import type { ProjectModel } from './model.js';
import type { TemplateReader } from './templates.js';

const actionDir = '.github/actions/report';
const vendoredFiles = ['action.yml', 'dist/index.js', 'dist/package.json'];

/** Copies the action into the project once, however many workflows use it. */
export function vendorReportAction(model: ProjectModel, templates: TemplateReader): void {
  for (const file of vendoredFiles) {
    const path = `${actionDir}/${file}`;
    if (!model.files.has(path)) model.addFile(path, templates.workflow(`actions/report/${file}`));
  }
}

/** ml-cicd.yaml's gates in the action's grammar, one `METRIC: "value OP N"` line each. */
export function reportGates(gates: Gate[]): string {
  return gates
    .map(({ metric, min, max }) => {
      const rules = [
        ...(min === undefined ? [] : [`value >= ${min}`]),
        ...(max === undefined ? [] : [`value <= ${max}`]),
      ];
      return `${metric}: "${rules.join(', ')}"\n`;
    })
    .join('');
}

export interface ReportInputs {
  /** The JSON file this run's metrics are in: ml-cicd.yaml's metrics.file. */
  metricsFile: string;
  /** The folder of this run's params.json, when the run writes one beside metrics.json. */
  paramsDir?: string;
  /**
   * Where the base branch's metrics and params.json are: an artifact of the base branch's runs,
   * which the action finds and downloads itself, or a folder they were put in; `file` is the
   * metrics file's path in it.
   */
  baseline: { artifact: string; file: string } | { dir: string; file: string };
  gates: Gate[];
  /** Set it when one workflow reports more than once, so each keeps its own sticky comment. */
  commentKey?: string;
  /** The action's `comment-mode`, e.g. an expression that turns comments off for forks. */
  commentMode?: string;
  /** The step's name, when the baseline is not the base branch's. */
  name?: string;
  /** The step's id, for a later step or job to read its outputs. */
  id?: string;
}

/** The step that writes the report; the action itself comments only where the token can write. */
export function reportStep(inputs: ReportInputs): Record<string, unknown> {
  const { metricsFile, paramsDir, baseline } = inputs;
  const base = 'artifact' in baseline ? '' : `${baseline.dir}/`;
  return {
    name: inputs.name ?? 'Report the metrics against the base branch',
    ...(inputs.id ? { id: inputs.id } : {}),
    uses: `./${actionDir}`,
    with: {
      metrics: metricsFile,
      ...('artifact' in baseline ? { 'baseline-artifact': baseline.artifact } : {}),
      baseline: `${base}${baseline.file}`,
      ...(paramsDir
        ? { params: `${paramsDir}/params.json`, 'baseline-params': `${base}params.json` }
        : {}),
      ...(inputs.gates.length > 0 ? { gates: reportGates(inputs.gates) } : {}),
      ...(inputs.commentKey ? { 'comment-key': inputs.commentKey } : {}),
      ...(inputs.commentMode ? { 'comment-mode': inputs.commentMode } : {}),
    },
  };
}
