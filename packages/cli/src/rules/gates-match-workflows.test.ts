import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, read, turnOff, write } from '../../test/fixtures.js';
import { gateBounds } from './gates-match-workflows.js';

const rule = 'error [gates-match-workflows]';
const report = '.github/workflows/report.yml';
const sync = `run ml-cicd sync to write ml-cicd.yaml's params and gates into ${report}`;

/** Sets the accuracy gate of ml-cicd.yaml to `min`. */
function gateAt(dir: string, min: string): void {
  const config = read(dir, 'ml-cicd.yaml');
  const gate = /(- metric: accuracy\n\s+min: )0\.9\n/;
  if (!gate.test(config)) throw new Error('ml-cicd.yaml has no accuracy gate at 0.9.');
  write(dir, 'ml-cicd.yaml', config.replace(gate, `$1${min}\n`));
}

describe('gates-match-workflows', () => {
  it('passes a fresh project', async () => {
    expect(await printed(await project())).toEqual([]);
  });

  it('reports a gate raised in ml-cicd.yaml but not in report.yml, naming ml-cicd sync', async () => {
    const dir = await project();
    gateAt(dir, '0.95');
    expect(await printed(dir)).toEqual([
      `${at(dir, report, 'accuracy: "value')}: ${rule} ${report} gates accuracy at >= 0.9, but metrics.gates in ml-cicd.yaml at >= 0.95; ${sync}.`,
    ]);
  });

  it('reports a gate missing from the workflow and one the workflow has in excess', async () => {
    const dir = await project();
    edit(dir, report, 'accuracy: "value >= 0.9"', 'f1: "value >= 0.9"');
    expect(await printed(dir)).toEqual([
      `${at(dir, report, '|\n            f1')}: ${rule} ${report} does not gate accuracy, but metrics.gates in ml-cicd.yaml has accuracy >= 0.9; ${sync}.`,
      `${at(dir, report, 'f1: "value')}: ${rule} ${report} gates f1, which metrics.gates in ml-cicd.yaml does not; add the gate to ml-cicd.yaml, or ${sync} (which removes it).`,
    ]);
  });

  it('reports a report step that checks no gates while ml-cicd.yaml has some', async () => {
    const dir = await project();
    const text = read(dir, report);
    write(dir, report, text.replace(/ {10}gates: \|\n(?: {12}.*\n)+/, ''));
    const problems = await printed(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      `${rule} the report step of ${report} checks no gates, but metrics.gates in ml-cicd.yaml has accuracy >= 0.9; roc_auc >= 0.95; ${sync}.`,
    );
  });

  it("leaves a team's added change rules alone, and can be turned off", async () => {
    const dir = await project();
    edit(dir, report, 'accuracy: "value >= 0.9"', 'accuracy: "value >= 0.9, >= -0.01"');
    expect(await printed(dir)).toEqual([]);
    gateAt(dir, '0.8');
    turnOff(dir, 'gates-match-workflows');
    expect(await printed(dir)).toEqual([]);
  });

  it("leaves a workflow of the team's own alone (one the manifest does not list)", async () => {
    const dir = await project();
    gateAt(dir, '0.95');
    const manifest = JSON.parse(read(dir, '.ml-cicd/manifest.json'));
    delete manifest.files[report];
    write(dir, '.ml-cicd/manifest.json', JSON.stringify(manifest, null, 2));
    expect(await printed(dir)).toEqual([]);
  });

  it('reads the bounds of the report action gates input', () => {
    expect(gateBounds('accuracy: "value >= 0.9"\nloss: "<= 0.2, >= -5%"\nr2: ">= 0.3"\n')).toEqual(
      new Map([
        ['accuracy', { min: 0.9 }],
        ['loss', { max: 0.2 }],
        ['r2', { min: 0.3 }],
      ]),
    );
    expect(gateBounds('accuracy: "about 0.9"\n')).toBeUndefined();
  });
});
