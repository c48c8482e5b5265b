import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { job, summary, tail } from '../src/act.js';
import { artifactOfRun } from '../src/artifact-store.js';
import { runOk } from '@ml-cicd/e2e/exec';
import { dispatchTrain, projectFor, suite } from '../src/suite.js';

const TRAIN = 'Train the model';
const COMET_PROJECT = 'churn';

// What an offline archive of Comet holds, read with the standard library only: the experiment's
// project, the metrics and "other" values it logged, and the names of the files it carries.
const READ_ARCHIVE = `
import json, sys, zipfile
archive = zipfile.ZipFile(sys.argv[1])
messages = [json.loads(line) for line in archive.read("messages.json").decode().splitlines() if line]
print(json.dumps({
    "project": json.loads(archive.read("experiment.json"))["project_name"],
    "metrics": {m["payload"]["metric"]["metricName"]: m["payload"]["metric"]["metricValue"] for m in messages if m["type"] == "metric_msg"},
    "others": {m["payload"]["key"]: m["payload"]["value"] for m in messages if m["type"] == "log_other"},
    "files": sorted(m["payload"]["additional_params"]["fileName"] for m in messages if m["type"] == "file_upload"),
}))
`;

describe('train.yml of a --tracker comet project, with COMET_START_ONLINE=false', () => {
  it('is green and keeps the run in an offline archive that holds the uploaded metrics', async () => {
    const project = await projectFor('tracker-comet', { tracker: 'comet' });
    // The runner keeps archives in a folder of its own, outside the workspace act deletes when the
    // job ends, as a team on a self-hosted runner would until it uploads them.
    const archives = join(suite().root, 'tracker-comet', 'comet-archives');
    mkdirSync(archives, { recursive: true });
    const result = await dispatchTrain(
      project,
      { 'max-depth': '4' },
      {
        // No API key: the runner's environment keeps Comet offline, as a team without access would.
        env: {
          COMET_START_ONLINE: 'false',
          COMET_OFFLINE_DIRECTORY: archives,
          COMET_ERROR_TRACKING_ENABLE: 'false',
        },
        vars: { COMET_PROJECT_NAME: COMET_PROJECT },
        runId: 1601,
      },
    );
    expect(summary(result), tail(result.log)).toEqual({ [TRAIN]: 'success' });
    expect(result.code).toBe(0);
    const train = job(result, TRAIN).steps.find((step) => step.name === 'Train');
    expect(train?.result).toBe('success');
    expect(train?.output).toContain(
      `Comet (offline archive in ${archives}/), project ${COMET_PROJECT}`,
    );

    const artifact = artifactOfRun(suite().store, 1601, 'training-outputs');
    const metrics = JSON.parse(readFileSync(join(artifact.dir, 'metrics.json'), 'utf8')) as Record<
      string,
      number
    >;
    expect(metrics.accuracy).toBeGreaterThan(0.5);

    const zips = readdirSync(archives);
    expect(zips).toHaveLength(1);
    const { stdout } = await runOk(
      '/usr/bin/python3',
      ['-c', READ_ARCHIVE, join(archives, zips[0]!)],
      { cwd: archives },
    );
    const logged = JSON.parse(stdout) as {
      project: string;
      metrics: Record<string, number>;
      others: Record<string, unknown>;
      files: string[];
    };
    expect(logged.project).toBe(COMET_PROJECT);
    // Every metric of the uploaded metrics.json is in the experiment, with the same value.
    for (const [name, value] of Object.entries(metrics)) {
      expect(logged.metrics[name], name).toBeCloseTo(value, 12);
    }
    expect(logged.others.status).toBe('finished');
    expect(logged.others.git_commit).toMatch(/^[0-9a-f]{40}$/);
    const plots = artifact.files.filter((file) => file.endsWith('.svg'));
    expect(plots).not.toEqual([]);
    // Besides the model and the plots, Comet's default code logging sends the Python source.
    const runFiles = logged.files.filter((file) => !file.endsWith('.py'));
    expect(runFiles).toEqual(['model.joblib', ...plots].sort());
  });
});
