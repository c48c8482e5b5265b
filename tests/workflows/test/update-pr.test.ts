import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAct, summary, tail, type ActResult } from '../src/act.js';
import { APP_SLUG, type Pull } from '../src/api-server.js';
import { cloudLedger } from '../src/cloud-ledger.js';
import { scheduleEvent } from '../src/events.js';
import { run, runOk } from '@ml-cicd/e2e/exec';
import {
  integrityOf,
  startNpmRegistry,
  type NpmRegistry,
  type Published,
} from '../src/npm-registry.js';
import { pack, relabelled } from '../src/packed.js';
import { committedProject, type Project } from '../src/project.js';
import { apiState, suite } from '../src/suite.js';

const CHECK = 'Look for a newer ml-cicd template';
const UPDATE = 'Run ml-cicd update, with read access only';
const PULL_REQUEST = 'Open or update the update pull request';
const BRANCH = 'ml-cicd-update';

const appKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;

describe('update-check.yml of --update-check pr, on its weekly schedule', () => {
  let project: Project;
  let registry: NpmRegistry;
  let current: string;
  const published: Published = {};
  const tarballs: Record<string, string> = {};
  const packs = () => join(suite().root, 'update-pr-packs');

  beforeAll(async () => {
    const create = await pack('create-ml-cicd', packs());
    const cli = await pack('cli', packs());
    // Made by the very create-ml-cicd the registry serves: the update's merge base is its render,
    // which must match the manifest whatever the other packages' dist folders hold.
    const unpacked = mkdtempSync(join(packs(), 'create-ml-cicd-'));
    await runOk('tar', ['-xzf', create, '-C', unpacked], { cwd: unpacked });
    const root = join(suite().root, 'update-pr');
    project = await committedProject(root, 'update-pr', 'demo-project', (dir) =>
      runOk(
        process.execPath,
        // prettier-ignore
        [join(unpacked, 'package', 'dist', 'index.js'), dir, '--update-check', 'pr', '--yes',
          '--no-git', '--no-install'],
        { cwd: root },
      ),
    );
    const manifest = JSON.parse(
      readFileSync(join(project.dir, '.ml-cicd', 'manifest.json'), 'utf8'),
    ) as { generator: { version: string } };
    current = manifest.generator.version;
    for (const version of ['99.0.0', '99.1.0']) {
      tarballs[version] = await relabelled(cli, version, packs());
    }
    // The version that made the project: `ml-cicd update` renders it again, with npm, as the base.
    published['create-ml-cicd'] = [{ version: current, tarball: create }];
    published['ml-cicd'] = [];
    registry = await startNpmRegistry(suite().root, published);
  });
  afterAll(() => registry?.close());

  const runUpdate = (runId: number): Promise<ActResult> =>
    runAct(suite(), {
      project,
      workflow: 'update-check.yml',
      event: 'schedule',
      payload: scheduleEvent(project),
      runId,
      curlrc: registry.curlrc,
      npmrc: registry.npmrc,
      vars: { UPDATE_APP_CLIENT_ID: 'Iv23liUpdateStandIn' },
      secrets: { UPDATE_APP_PRIVATE_KEY: appKey },
    });

  const publish = (version: string, tarball = tarballs[version]) => {
    published['create-ml-cicd']!.push({ version });
    published['ml-cicd']!.push({ version, tarball });
  };

  const git = async (...args: string[]) =>
    (await run('git', args, { cwd: project.dir })).stdout.trim();
  const branchManifest = async () =>
    JSON.parse(await git('show', `${BRANCH}:.ml-cicd/manifest.json`)) as {
      generator: { version: string };
    };
  const pulls = async (): Promise<Pull[]> => (await apiState(project.repository)).pulls;

  it('does nothing when the registry has the version that made the project', async () => {
    const result = await runUpdate(2101);
    expect(summary(result), tail(result.log)).toEqual({ [CHECK]: 'success' });
    expect(result.log).toContain(`ml-cicd ${current} made this project, and it is the newest`);
    expect(await pulls()).toEqual([]);
    expect(await git('branch', '--list', BRANCH)).toBe('');
    expect(result.strayTmp).toEqual([]);
  });

  it('opens one pull request from its own branch with the App token when a newer version is out', async () => {
    // A fork's pull request from a branch of the same name, by someone else: never the one to update.
    const [owner, name] = project.repository.split('/');
    await fetch(`${suite().apiUrl}/_harness/pull?repo=${project.repository}`, {
      method: 'POST',
      body: JSON.stringify({
        title: 'ml-cicd update: 99.0.0',
        body: 'from a fork',
        state: 'open',
        user: { login: 'mallory' },
        head: { ref: BRANCH, repo: { full_name: `mallory/${name}` } },
        base: { ref: 'main', repo: { full_name: `${owner}/${name}` } },
        html_url: 'https://github.com/fork',
      }),
    });
    publish('99.0.0');
    const result = await runUpdate(2102);
    expect(summary(result), tail(result.log)).toEqual({
      [CHECK]: 'success',
      [UPDATE]: 'success',
      [PULL_REQUEST]: 'success',
    });
    expect(result.log).toContain(
      `A newer ml-cicd template is out: 99.0.0 (this project has ${current}).`,
    );

    const [fork, opened] = await pulls();
    expect(fork).toMatchObject({ user: { login: 'mallory' }, edits: 0, body: 'from a fork' });
    expect(opened).toMatchObject({
      title: 'ml-cicd update: 99.0.0',
      state: 'open',
      user: { login: `${APP_SLUG}[bot]` },
      head: { ref: BRANCH, repo: { full_name: project.repository } },
      base: { ref: 'main' },
      edits: 0,
    });
    expect(opened!.body).toContain(
      `(tarball ${integrityOf(tarballs['99.0.0']!)}, as the npm registry published it)`,
    );

    // The branch is main plus what ml-cicd 99.0.0's update changed, pushed to the repository.
    expect(await git('rev-parse', `${BRANCH}~1`)).toBe(await git('rev-parse', 'main'));
    expect((await branchManifest()).generator.version).toBe('99.0.0');
    expect(await git('log', '-1', '--format=%an <%ae> %s', BRANCH)).toBe(
      'ml-cicd update <ml-cicd-update@users.noreply.github.com> ml-cicd update to 99.0.0',
    );

    // The token that opened it: the App's, with the three permissions, revoked after the job.
    const ledger = cloudLedger(suite(), project.repository, 2102);
    expect(ledger.map((entry) => [entry.job, entry.kind])).toEqual([
      ['pull-request', 'app-token'],
      ['pull-request', 'app-token-revoked'],
    ]);
    expect(ledger[0]).toMatchObject({
      clientId: 'Iv23liUpdateStandIn',
      permissions: { contents: 'write', pull_requests: 'write', workflows: 'write' },
    });
    expect(result.log).not.toContain(appKey.split('\n')[1]!);
    expect(result.strayTmp).toEqual([]);
  });

  it('updates that pull request in place when the next version is out', async () => {
    publish('99.1.0');
    const result = await runUpdate(2103);
    expect(summary(result), tail(result.log)).toEqual({
      [CHECK]: 'success',
      [UPDATE]: 'success',
      [PULL_REQUEST]: 'success',
    });
    const [fork, ours, ...more] = await pulls();
    expect(more).toEqual([]);
    expect(fork).toMatchObject({ user: { login: 'mallory' }, edits: 0 });
    expect(ours).toMatchObject({
      title: 'ml-cicd update: 99.1.0',
      user: { login: `${APP_SLUG}[bot]` },
      edits: 1,
    });
    expect(result.log).toContain(`Updated pull request #${ours!.number}: ml-cicd update: 99.1.0`);
    expect((await branchManifest()).generator.version).toBe('99.1.0');
    expect(await git('rev-parse', `${BRANCH}~1`)).toBe(await git('rev-parse', 'main'));
  });

  it('runs nothing of a tarball that is not the one the registry published', async () => {
    const tampered = join(packs(), 'ml-cicd-99.2.0.tgz');
    writeFileSync(tampered, readFileSync(tarballs['99.1.0']!));
    published['create-ml-cicd']!.push({ version: '99.2.0' });
    published['ml-cicd']!.push({
      version: '99.2.0',
      tarball: tampered,
      integrity: integrityOf(tarballs['99.0.0']!),
    });
    const before = await pulls();
    const result = await runUpdate(2104);
    expect(summary(result), tail(result.log)).toEqual({
      [CHECK]: 'success',
      [UPDATE]: 'failure',
    });
    expect(result.log).toContain(
      'The ml-cicd 99.2.0 tarball is not the one the registry published',
    );
    expect(await pulls()).toEqual(before);
    expect((await branchManifest()).generator.version).toBe('99.1.0');
  });
});
