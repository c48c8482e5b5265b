import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildProject, resolveAnswers } from '@ml-cicd/core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { job, runAct, summary, tail, type ActResult } from '../src/act.js';
import { mlCicd } from '../src/add-corpus.js';
import {
  dvcFile,
  objectPath,
  startDvcHttpRemote,
  type DvcHttpRemote,
} from '../src/dvc-http-remote.js';
import { pushEvent } from '../src/events.js';
import { changes, snapshot, type Snapshot } from '../src/machine.js';
import { repoRoot } from '../src/paths.js';
import { committedProject, type Project } from '../src/project.js';
import { projectFor, suite } from '../src/suite.js';

const CHECKS = 'Lint and test';
const DVC = 'Reproduce the DVC pipeline';

describe('ci.yml of a new --data dvc --dvc-remote local project, on its first push', () => {
  let result: ActResult;
  let before: Snapshot;
  beforeAll(async () => {
    before = snapshot();
    const project = await projectFor('data-dvc', { data: 'dvc', dvcRemote: 'local' });
    result = await runAct(suite(), {
      project,
      workflow: 'ci.yml',
      event: 'push',
      payload: pushEvent(project, await project.head()),
      runId: 1201,
    });
  });

  it('runs both jobs, and the DVC job installs DVC from the pinned requirements', () => {
    expect(Object.keys(summary(result)).sort(), tail(result.log)).toEqual([DVC, CHECKS].sort());
    expect(summary(result)[CHECKS], tail(result.log)).toBe('success');
    const install = job(result, DVC).steps.find(
      (s) => s.name === 'Install the pinned requirements',
    );
    expect(install?.result, tail(result.log)).toBe('success');
  });

  // A new project has no dvc.lock until someone runs dvc repro: the first push is green, and
  // the DVC job says what to commit.
  it('is green on the first push, before anyone has run dvc repro, and says to commit dvc.lock', () => {
    const dvcSteps = job(result, DVC).steps.filter((s) => !s.id.includes('.'));
    expect(dvcSteps.map((s) => [s.name, s.result])).toEqual(
      dvcSteps.map((s) => [s.name, 'success']),
    );
    expect(summary(result), tail(result.log)).toEqual({ [CHECKS]: 'success', [DVC]: 'success' });
    expect(result.code).toBe(0);
    expect(result.log).toContain('dvc.lock is not committed yet');
  });

  it("leaves DVC's site cache in the run's folder, not in /var/tmp/dvc", () => {
    expect(changes(before, snapshot(), suite().root)).toEqual([]);
  });
});

describe('ci.yml of a --data dvc project whose committed dvc.lock is stale', () => {
  it('is red at the dvc.lock check, after the pipeline itself ran', async () => {
    const project = await projectFor('data-dvc-stale', { data: 'dvc', dvcRemote: 'local' });
    // A valid lock that records no stage: dvc repro runs them all and writes a different one.
    const sha = await project.commit('A stale dvc.lock', (dir) =>
      writeFileSync(join(dir, 'dvc.lock'), "schema: '2.0'\nstages: {}\n"),
    );
    const result = await runAct(suite(), {
      project,
      workflow: 'ci.yml',
      event: 'push',
      payload: pushEvent(project, sha),
      runId: 1202,
    });
    expect(summary(result)[DVC], tail(result.log)).toBe('failure');
    const check = job(result, DVC).steps.find(
      (s) => s.name === 'Check that dvc.lock is up to date',
    );
    expect(check?.result, tail(result.log)).toBe('failure');
    expect(job(result, DVC).steps.find((s) => s.name === 'Reproduce the pipeline')?.result).toBe(
      'success',
    );
  });
});

/** A team's DVC repository, as DVC's own examples are: its data tracked by a .dvc file. */
function teamDvcRepository(remoteUrl: string, csv: string): Record<string, string> {
  const made = buildProject(
    resolveAnswers({ name: 'rows', data: 'dvc', dvcRemote: 'http' }, 'rows'),
    {
      templatesDir: join(repoRoot, 'templates'),
      workflowsDir: join(repoRoot, 'workflows'),
    },
  ).files;
  return {
    // The team's hashed lock, dvc in it.
    'requirements.txt': made.get('requirements.txt')!,
    '.dvc/config': `[core]\n    remote = public\n['remote "public"']\n    url = ${remoteUrl}\n`,
    '.dvc/.gitignore': '/config.local\n/tmp\n/cache\n',
    'data/.gitignore': '/raw.csv\n',
    'data/raw.csv.dvc': dvcFile('raw.csv', csv),
    'dvc.yaml': [
      'stages:',
      '  count:',
      '    cmd: python count.py',
      '    deps: [count.py, data/raw.csv]',
      '    metrics:',
      '      - rows.json:',
      '          cache: false',
      '',
    ].join('\n'),
    'count.py': [
      'import json',
      '',
      'with open("data/raw.csv", encoding="utf-8") as file:',
      '    rows = len(file.read().splitlines()) - 1',
      'print(f"counted {rows} rows")',
      'with open("rows.json", "w", encoding="utf-8") as file:',
      '    json.dump({"rows": rows}, file)',
      '',
    ].join('\n'),
  };
}

describe("dvc.yml of a team's pipeline whose data is on a read-only HTTP server", () => {
  const csv = 'x,y\n1,2\n3,4\n5,6\n';
  let remote: DvcHttpRemote;
  let project: Project;
  let result: ActResult;
  let added: { code: number; out: string };
  let config: { data?: unknown; environments?: Record<string, unknown> };
  beforeAll(async () => {
    remote = await startDvcHttpRemote([csv]);
    const root = join(suite().root, 'dvc-http');
    mkdirSync(root, { recursive: true });
    project = await committedProject(root, 'dvc-http', 'rows', async (dir) => {
      for (const [path, text] of Object.entries(teamDvcRepository(remote.url, csv))) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    });
    const add = await mlCicd(suite().root, project.dir, ['add', 'workflow', 'dvc']);
    added = { code: add.code, out: `${add.stdout}${add.stderr}` };
    config = parse(readFileSync(join(project.dir, 'ml-cicd.yaml'), 'utf8'));
    const head = await project.commit('Add the DVC workflow', () => {});
    result = await runAct(suite(), {
      project,
      workflow: 'dvc.yml',
      event: 'push',
      payload: pushEvent(project, head),
      runId: 1203,
    });
  });
  afterAll(() => remote?.stop());

  it("records .dvc/config's remote as an http one, which needs no credentials", () => {
    expect(added.code, added.out).toBe(0);
    expect(added.out).not.toContain('pushes from main');
    expect(config.data).toEqual({ kind: 'dvc', remote: { kind: 'http', url: remote.url } });
    expect(Object.keys(config.environments ?? {})).not.toContain('data-read');
  });

  it('pulls the data from the server, reproduces the pipeline and pushes nothing', () => {
    expect(summary(result), tail(result.log)).toEqual({ [DVC]: 'success' });
    const steps = job(result, DVC).steps;
    expect(steps.find((s) => s.name === 'Pull data and models')?.result).toBe('success');
    expect(remote.requests).toContain(`GET /store/${objectPath(csv)}`);
    expect(remote.requests.filter((request) => !/^(GET|HEAD) /.test(request))).toEqual([]);
    expect(result.log).toContain('counted 3 rows');
    expect(result.log).toContain('dvc.lock is not committed yet');
  });

  it('is red at dvc repro when the server does not have the data', async () => {
    const empty = await startDvcHttpRemote([]);
    try {
      const head = await project.commit('Move the remote to an empty server', (dir) => {
        for (const file of ['.dvc/config', 'ml-cicd.yaml']) {
          const path = join(dir, file);
          writeFileSync(path, readFileSync(path, 'utf8').replace(remote.url, empty.url));
        }
      });
      const red = await runAct(suite(), {
        project,
        workflow: 'dvc.yml',
        event: 'push',
        payload: pushEvent(project, head),
        runId: 1204,
      });
      expect(summary(red), tail(red.log)).toEqual({ [DVC]: 'failure' });
      const steps = job(red, DVC).steps;
      expect(steps.find((s) => s.name === 'Reproduce the pipeline')?.result).toBe('failure');
      expect(empty.requests).toContain(`GET /store/${objectPath(csv)}`);
    } finally {
      await empty.stop();
    }
  });

  // DVC's --allow-missing takes a server it cannot connect to as one without the files: the pull
  // passes with its warning, and dvc repro says which input is missing.
  it('is red at dvc repro, not at the pull, when the server cannot be reached', async () => {
    // Port 9 (discard) on 127.0.0.1: nothing listens, so the connection is refused.
    const unreachable = 'http://127.0.0.1:9/store';
    const head = await project.commit('Move the remote to a server that is down', (dir) => {
      for (const file of ['.dvc/config', 'ml-cicd.yaml']) {
        const path = join(dir, file);
        const text = readFileSync(path, 'utf8');
        writeFileSync(path, text.replace(/http:\/\/127\.0\.0\.1:\d+\/store/, unreachable));
      }
    });
    const red = await runAct(suite(), {
      project,
      workflow: 'dvc.yml',
      event: 'push',
      payload: pushEvent(project, head),
      runId: 1206,
    });
    expect(summary(red), tail(red.log)).toEqual({ [DVC]: 'failure' });
    const steps = job(red, DVC).steps;
    expect(steps.find((s) => s.name === 'Pull data and models')?.result).toBe('success');
    expect(red.log).toContain('Some of the cache files do not exist neither locally nor on remote');
    expect(steps.find((s) => s.name === 'Reproduce the pipeline')?.result).toBe('failure');
    expect(red.log).toContain("missing data 'source': data/raw.csv");
  });
});

describe('ci.yml of a new --dvc-remote http project whose URL is still the placeholder', () => {
  it('is green on its first push: with nothing tracked yet, dvc pull does not reach for the server', async () => {
    const project = await projectFor('data-dvc-http', { data: 'dvc', dvcRemote: 'http' });
    const result = await runAct(suite(), {
      project,
      workflow: 'ci.yml',
      event: 'push',
      payload: pushEvent(project, await project.head()),
      runId: 1205,
    });
    expect(summary(result), tail(result.log)).toEqual({ [CHECKS]: 'success', [DVC]: 'success' });
    const pull = job(result, DVC).steps.find((s) => s.name === 'Pull data and models');
    expect(pull?.result).toBe('success');
  });
});
