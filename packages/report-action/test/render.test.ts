import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGates } from '../src/gates.ts';
import { renderBrief, renderReport } from '../src/render.ts';
import { buildReport, type ReportSources } from '../src/report.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function render(sources: Partial<ReportSources>): string {
  return renderReport(
    buildReport({
      metrics: [fixture('metrics.json')],
      baseline: [fixture('baseline.json')],
      gates: [],
      params: [],
      baselineParams: [],
      runLabel: 'This PR',
      runUrl: 'https://github.com/acme/churn-model/actions/runs/16345678901',
      ...sources,
    }),
  );
}

describe('the Markdown report', () => {
  it('compares with the baseline, gates passing, with a chart and links', async () => {
    const markdown = render({
      gates: parseGates('accuracy: ">= -0.05"\nloss: "<= +5%"\ntrain_seconds: "<= 60"'),
      trackerUrl: 'https://mlflow.example.com/#/experiments/3/runs/8f2c1d',
    });
    await expect(markdown).toMatchFileSnapshot('__snapshots__/with-baseline.md');
  });

  it('shows the values alone when there is no baseline yet', async () => {
    const markdown = render({
      baseline: [fixture('no-such-baseline.json')],
      gates: parseGates('accuracy: ">= 0.9, >= -0.01"'),
      params: [fixture('params.json')],
    });
    await expect(markdown).toMatchFileSnapshot('__snapshots__/without-baseline.md');
  });

  it('marks a gated regression', async () => {
    const markdown = render({
      gates: parseGates('accuracy: ">= -0.01"\nf1: ">= 0.9"\nloss: "<= 0.25"'),
    });
    await expect(markdown).toMatchFileSnapshot('__snapshots__/gated-regression.md');
  });

  it('flattens DVC-style nested metrics to dotted names', async () => {
    const markdown = render({
      metrics: [fixture('dvc-metrics.json')],
      baseline: [fixture('dvc-baseline.json')],
      gates: parseGates('"eval.accuracy": ">= -0.5%"\neval.loss: "<= +0.05"'),
      runLabel: 'This run',
    });
    await expect(markdown).toMatchFileSnapshot('__snapshots__/dvc-nested.md');
  });

  it('shows what changed in the params', async () => {
    const markdown = render({
      params: [fixture('params.json')],
      baselineParams: [fixture('baseline-params.json')],
    });
    await expect(markdown).toMatchFileSnapshot('__snapshots__/params-diff.md');
  });

  it('says there is no change when the params equal the base', () => {
    const markdown = render({
      params: [fixture('params.json')],
      baselineParams: [fixture('params.json')],
    });
    expect(markdown).toContain('**Params:** no change from the base (6 params).');
  });

  it('names baseline files that are missing while others exist', () => {
    const missing = fixture('gone.json');
    const markdown = render({ baseline: [fixture('baseline.json'), missing] });
    expect(markdown).toContain(
      `> Baseline files not found, left out of the comparison: ${missing}.`,
    );
  });

  it('keeps names from files as code, so they cannot inject HTML, links or mentions', () => {
    const markdown = renderReport({
      rows: [{ name: '<img src=x> [a](http://x) @team | `x`', head: 1 }],
      gates: [],
      hasBaseline: false,
      missingBaseline: [],
      notNumbers: [],
      runLabel: 'This PR',
    });
    expect(markdown).toContain('| `` <img src=x> [a](http://x) @team \\| `x` `` | 1 |');
  });

  it('lists values that are not numbers apart, as code, and compares the numbers', () => {
    // params.json holds the criterion as a string: a run may log such values beside its metrics.
    const markdown = render({ metrics: [fixture('params.json')], baseline: [] });
    expect(markdown).toContain(
      '> Not compared, as they are not numbers: `model.criterion (a string)`, `data.features (an array)`.',
    );
    expect(markdown).toMatch(/\| `model\.max_depth` +\|/);
  });

  it('has a brief form for comments over the size limit', () => {
    const report = buildReport({
      metrics: [fixture('metrics.json')],
      baseline: [],
      gates: parseGates('accuracy: ">= 0.95"'),
      params: [],
      baselineParams: [],
      runLabel: 'This PR',
      runUrl: 'https://github.com/acme/churn-model/actions/runs/1',
    });
    expect(renderBrief(report)).toBe(
      [
        '## Model report',
        '',
        '❌ **Gate broken:** accuracy is 0.92 (gate ">= 0.95").',
        '',
        'The full report is longer than GitHub allows in a comment; it is in the job summary of [the workflow run](https://github.com/acme/churn-model/actions/runs/1).',
        '',
      ].join('\n'),
    );
  });
});
