/** `ml-cicd add workflow train` finds where the script writes its metrics, from its source. */
import { describe, expect, it } from 'vitest';
import { metricsPathsIn } from '../src/commands/add/metrics-file.js';
import { add, read, tempDir, write } from './fixtures.js';
import { lockedRequirements, moduleLevel } from './scripts.js';

function repo(writes: string): string {
  const dir = tempDir();
  write(dir, 'train.py', `${moduleLevel}\n${writes}\n`);
  write(dir, 'requirements.txt', lockedRequirements);
  return dir;
}

describe('the metrics file of add workflow train', () => {
  it('is the one metrics JSON path the script names, with a note', async () => {
    const dir = repo('Path("results/metrics.json").write_text("{}")');
    const { code, out } = await add(dir, 'workflow', 'train');
    expect(code).toBe(0);
    expect(read(dir, 'ml-cicd.yaml')).toContain('metrics:\n  file: results/metrics.json\n');
    expect(out).toContain(
      'note: train.py writes its metrics to results/metrics.json, so metrics.file is results/metrics.json',
    );
  });

  it('is left to the default when the script names none, the default, or several', async () => {
    for (const writes of [
      'print("no file")',
      'open("outputs/metrics.json", "w")',
      'open("eval/metrics.json", "w"); open("train/metrics.json", "w")',
    ]) {
      const dir = repo(writes);
      await add(dir, 'workflow', 'train');
      expect(read(dir, 'ml-cicd.yaml'), writes).toContain(
        'metrics:\n  file: outputs/metrics.json\n',
      );
    }
  });

  it('is --metrics-file when given, whatever the script names', async () => {
    const dir = repo('Path("results/metrics.json").write_text("{}")');
    await add(dir, 'workflow', 'train', '--metrics-file', 'eval/scores.json');
    expect(read(dir, 'ml-cicd.yaml')).toContain('metrics:\n  file: eval/scores.json\n');
  });

  it('reads quoted relative paths with a folder only, never outside the repository', () => {
    expect(
      metricsPathsIn('a = "runs/scores.json"; b = \'metrics.json\'; c = "out/config.json"'),
    ).toEqual(['runs/scores.json']);
    expect(metricsPathsIn('open("/tmp/metrics.json")')).toEqual([]);
  });
});
