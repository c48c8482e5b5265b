import { describe, expect, it } from 'vitest';
import { at, printed, project, read, turnOff, write } from '../../test/fixtures.js';

const wayOut =
  'export the runs with neptune-exporter into MLflow or W&B, then run ml-cicd update --tracker mlflow (or --tracker wandb).';
const shutDown = "but Neptune's hosted service shut down (its data was deleted after 2026-03-05)";

describe('neptune-use', () => {
  it('reports a Neptune import in code the project added, at the import', async () => {
    const dir = await project();
    const legacy = 'src/demo_project/legacy_logging.py';
    write(
      dir,
      legacy,
      '"""Old logging."""\n\n# import neptune (old)\nfrom neptune_scale import Run\n',
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, legacy, 'neptune_scale')}: warning [neptune-use] ${legacy} imports neptune_scale, ${shutDown}; ${wayOut}`,
    ]);
  });

  it('reports a NEPTUNE_ setting in .env.example', async () => {
    const dir = await project();
    write(dir, '.env.example', `${read(dir, '.env.example')}NEPTUNE_PROJECT=team/demo\n`);
    expect(await printed(dir)).toEqual([
      `${at(dir, '.env.example', 'NEPTUNE_PROJECT')}: warning [neptune-use] .env.example uses NEPTUNE_PROJECT, ${shutDown}; ${wayOut}`,
    ]);
  });

  it('reports a project made with --tracker neptune: its tracker, requirements, code and settings', async () => {
    const dir = await project('neptune');
    const findings = await printed(dir);
    expect(findings).toContain(
      `${at(dir, 'ml-cicd.yaml', 'neptune')}: warning [neptune-use] tracker.kind is neptune, whose hosted service shut down; ${wayOut}`,
    );
    const files = findings.map((line) => line.slice(0, line.indexOf(':')));
    expect(files).toEqual(
      expect.arrayContaining([
        'requirements.in',
        'requirements.txt',
        'src/demo_project/tracking_backend.py',
        '.env.example',
        '.github/workflows/train.yml',
      ]),
    );
    expect(findings.every((line) => line.includes('warning [neptune-use]'))).toBe(true);
  });

  it('is turned off by rules: {neptune-use: off}', async () => {
    const dir = await project();
    write(dir, 'src/demo_project/legacy_logging.py', 'import neptune\n');
    turnOff(dir, 'neptune-use');
    expect(await printed(dir)).toEqual([]);
  });
});
