/**
 * The train action's "Summarise the metrics" step (workflows/actions/train/action.yml) writes the
 * names and values of a metrics file a pull request can change into the job summary: run as the
 * runner runs it (python3 with its env), it must show each as this action's comment does, a code
 * span, so no image, link, HTML or @-mention is rendered.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { code } from '../src/format.ts';
import { tempDir } from './temp-dir.ts';

const ACTION = new URL('../../../workflows/actions/train/action.yml', import.meta.url);

interface Step {
  name: string;
  run?: string;
}

function summariseStep(): string {
  const action = parse(readFileSync(ACTION, 'utf8')) as { runs: { steps: Step[] } };
  const step = action.runs.steps.find(({ name }) => name === 'Summarise the metrics');
  if (!step?.run) throw new Error('The train action has no "Summarise the metrics" step.');
  return step.run;
}

function summarise(metrics: string): string {
  const dir = tempDir('train-summary-');
  writeFileSync(join(dir, 'metrics.json'), metrics);
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '');
  execFileSync('python3', ['-c', summariseStep()], {
    env: {
      PATH: process.env.PATH,
      OUTPUT_DIR: dir,
      METRICS_FILE: '',
      GITHUB_STEP_SUMMARY: summary,
    },
  });
  return readFileSync(summary, 'utf8');
}

const hostile = [
  '![pixel](https://attacker.example/track.png)',
  '[Approve here](https://attacker.example/login)',
  '@everyone',
  '<img src=x onerror=alert(1)>',
  'a | b',
  '`ticks` and ``more``',
  'two\nlines',
];

describe('the train action summary', () => {
  it('shows metric names and values from metrics.json as code spans, as the report comment does', () => {
    const metrics = Object.fromEntries(hostile.map((name, i) => [name, i / 4]));
    const summary = summarise(
      JSON.stringify({ ...metrics, accuracy: 0.9123456, note: '<b>@everyone</b>' }),
    );
    const rows = summary
      .split('\n')
      .filter((line) => line.startsWith('| ') && !/^\| (metric|---)/.test(line));
    expect(rows).toEqual([
      ...hostile.map((name, i) => `| ${code(name)} | ${(i / 4).toFixed(4)} |`),
      `| ${code('accuracy')} | 0.9123 |`,
      `| ${code('note')} | ${code('"<b>@everyone</b>"')} |`,
    ]);
  });
});
