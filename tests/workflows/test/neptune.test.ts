import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { job, summary, tail } from '../src/act.js';
import { artifactOfRun } from '../src/artifact-store.js';
import { runOk } from '@ml-cicd/e2e/exec';
import { dispatchTrain, projectFor, suite } from '../src/suite.js';

const TRAIN = 'Train the model';
const NEPTUNE_PROJECT = 'team/demo-project';

// What neptune-scale's offline run file holds, read with the standard library only: the run's
// project, the attribute names and values its operations assign (protobuf keeps names as raw
// bytes and a float as 8 little-endian bytes), and the files it will upload.
const READ_RUN_FILE = `
import json, sqlite3, struct, sys
db = sqlite3.connect(sys.argv[1])
(project,) = db.execute("SELECT project FROM metadata").fetchone()
ops = [op for (op,) in db.execute("SELECT operation FROM run_operations")]
blob = b"".join(ops)
metrics = json.loads(sys.argv[2])
print(json.dumps({
    "project": project,
    "metrics": {k: f"metrics/{k}".encode() in blob and struct.pack("<d", v) in blob for k, v in metrics.items()},
    "finished": any(b"run/status" in op and b"finished" in op for op in ops),
    "uploads": sorted(p.rsplit("/", 1)[-1] for (p,) in db.execute("SELECT source_path FROM file_upload_requests")),
}))
`;

describe('train.yml of a project that still has --tracker neptune, with NEPTUNE_MODE=offline', () => {
  it('is green and keeps the run in an offline run file that holds the uploaded metrics', async () => {
    // Retired for new projects, but a recorded `tracker: neptune` still renders (as update does).
    const project = await projectFor('tracker-neptune', { tracker: 'neptune' });
    // The runner keeps offline runs in a folder of its own, outside the workspace act deletes when
    // the job ends, as a team on a self-hosted runner would until it exports them.
    const runs = join(suite().root, 'tracker-neptune', 'neptune-runs');
    mkdirSync(runs, { recursive: true });
    const result = await dispatchTrain(
      project,
      { 'max-depth': '5' },
      {
        // No API token: Neptune's service is gone, so the runner's environment puts it offline.
        env: { NEPTUNE_MODE: 'offline', NEPTUNE_LOG_DIRECTORY: runs },
        vars: { NEPTUNE_PROJECT },
        runId: 1501,
      },
    );
    expect(summary(result), tail(result.log)).toEqual({ [TRAIN]: 'success' });
    expect(result.code).toBe(0);
    const train = job(result, TRAIN).steps.find((step) => step.name === 'Train');
    expect(train?.result).toBe('success');
    expect(train?.output).toContain(
      `Neptune (offline files in ${runs}/), project ${NEPTUNE_PROJECT}`,
    );

    const artifact = artifactOfRun(suite().store, 1501, 'training-outputs');
    expect(artifact.files).toEqual(expect.arrayContaining(['metrics.json', 'model.joblib']));
    const metrics = JSON.parse(readFileSync(join(artifact.dir, 'metrics.json'), 'utf8')) as Record<
      string,
      number
    >;
    expect(metrics.accuracy).toBeGreaterThan(0.5);

    const folders = readdirSync(runs);
    expect(folders).toHaveLength(1);
    const runFile = join(runs, folders[0]!, 'run_operations.sqlite3');
    const { stdout } = await runOk(
      '/usr/bin/python3',
      ['-c', READ_RUN_FILE, runFile, JSON.stringify(metrics)],
      { cwd: runs },
    );
    const logged = JSON.parse(stdout) as {
      project: string;
      metrics: Record<string, boolean>;
      finished: boolean;
      uploads: string[];
    };
    expect(logged.project).toBe(NEPTUNE_PROJECT);
    // Every metric of the uploaded metrics.json is in the run, with the same value.
    expect(logged.metrics).toEqual(Object.fromEntries(Object.keys(metrics).map((k) => [k, true])));
    expect(logged.finished).toBe(true);
    // The model and the plots, to be sent from the job's outputs/ by a later `neptune sync`.
    const plots = artifact.files.filter((file) => file.endsWith('.svg'));
    expect(plots).not.toEqual([]);
    expect(logged.uploads).toEqual(['model.joblib', ...plots].sort());
  });
});
