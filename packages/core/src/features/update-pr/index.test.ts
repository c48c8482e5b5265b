import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

const path = '.github/workflows/update-check.yml';

describe('--update-check pr', () => {
  const project = buildProject(
    resolveAnswers({ name: 'my-project', updateCheck: 'pr' }, 'my-project'),
    repoAssets,
  );
  const text = project.files.get(path)!;
  const workflow = parse(text);

  it('runs ml-cicd only in jobs that can read, and writes only with the App token of an environment', () => {
    expect(workflow.permissions).toEqual({});
    for (const job of ['check', 'update', 'pull-request']) {
      expect(workflow.jobs[job].permissions).toEqual({ contents: 'read' });
    }
    expect(workflow.jobs.update.environment).toBeUndefined();
    expect(workflow.jobs.update.steps[1].run).toContain(
      'node "$package/package/dist/index.js" update',
    );
    const pullRequest = workflow.jobs['pull-request'];
    expect(pullRequest.environment).toBe('template-update');
    // It names the version in the pull request's text, but runs nothing from the registry.
    expect(JSON.stringify(pullRequest.steps)).not.toContain('npx');
    expect(JSON.stringify(pullRequest.steps)).not.toContain('dist/index.js');
    expect(pullRequest.steps[0].with).toEqual({
      'client-id': '${{ vars.UPDATE_APP_CLIENT_ID }}',
      'private-key': '${{ secrets.UPDATE_APP_PRIVATE_KEY }}',
      'permission-contents': 'write',
      'permission-pull-requests': 'write',
      'permission-workflows': 'write',
    });
  });

  it('passes the version on only as x.y.z, and the token to git only through the environment', () => {
    expect(workflow.jobs.check.steps[1].run).toContain(
      'if ! [[ "$latest" =~ ^[0-9]+\\.[0-9]+\\.[0-9]+$ ]]; then',
    );
    const push = workflow.jobs['pull-request'].steps[3];
    expect(push.env.GH_TOKEN).toBe('${{ steps.app.outputs.token }}');
    expect(push.run).not.toContain('${{');
    expect(push.run).toContain('echo \\"password=\\$GH_TOKEN\\"');
  });

  it('declares the environment, its variable and secret, and explains the App in the README', () => {
    expect(project.files.get('ml-cicd.yaml')).toContain(
      '  template-update:\n    description: "The GitHub App that opens the template update pull request: allow only the default branch."\n    secrets:\n      - UPDATE_APP_PRIVATE_KEY\n    variables:\n      - UPDATE_APP_CLIENT_ID\n',
    );
    expect(project.files.get('README.md')).toContain('GitHub App of your own');
    expect(project.manifest.features).toContain('update-pr');
    expect(project.manifest.features).not.toContain('update-check');
  });
});

/**
 * The workflow's scripts, run by bash with the runner's curl, jq, openssl and git against a
 * registry on 127.0.0.1 and a \`gh\` stand-in that answers \`pr list\` from a JSON list with the
 * real jq, as gh's --jq does (its \`env\` included).
 */
describe('the update pull request scripts', () => {
  const ghStandIn = `#!/bin/sh
printf '%s\\n' "$*" >> "$GH_LOG"
if [ "$1 $2" = "pr list" ]; then
  while [ $# -gt 0 ]; do
    if [ "$1" = "--jq" ]; then printf '%s' "$GH_PRS" | jq -r "$2"; fi
    shift
  done
fi
`;
  const jobs = (() => {
    const project = buildProject(
      resolveAnswers({ name: 'my-project', updateCheck: 'pr' }, 'my-project'),
      repoAssets,
    );
    return parse(project.files.get(path)!).jobs;
  })();
  const script = (job: string, name: string) =>
    (jobs[job].steps as { name: string; run?: string }[]).find((step) => step.name === name)!.run!;

  let server: Server;
  let registry: string;
  let root: string;
  /** The tarball the registry serves, and the one whose integrity it publishes. */
  let served: Buffer;
  let published: Buffer;

  /** An npm tarball of ml-cicd whose bin records that it ran, and with which arguments. */
  function tarball(marker: string): Buffer {
    const dir = mkdtempSync(join(root, 'tarball '));
    mkdirSync(join(dir, 'package', 'dist'), { recursive: true });
    writeFileSync(
      join(dir, 'package', 'dist', 'index.js'),
      `require('node:fs').writeFileSync('ran.txt', '${marker} ' + process.argv.slice(2).join(' '));\n`,
    );
    return execFileSync('tar', ['-czf', '-', '-C', dir, 'package']);
  }
  const integrity = (bytes: Buffer) =>
    `sha512-${createHash('sha512').update(bytes).digest('base64')}`;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'update-pr '));
    mkdirSync(join(root, 'bin'));
    writeFileSync(join(root, 'bin', 'gh'), ghStandIn);
    chmodSync(join(root, 'bin', 'gh'), 0o755);
    served = published = tarball('published');
    server = createServer((request, response) => {
      const json = (data: unknown) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(data));
      };
      if (request.url === '/create-ml-cicd/latest') return json({ version: '0.10.0' });
      if (request.url === '/ml-cicd/0.10.0') {
        return json({ version: '0.10.0', dist: { integrity: integrity(published) } });
      }
      if (request.url === '/ml-cicd/-/ml-cicd-0.10.0.tgz') {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        return response.end(served);
      }
      response.writeHead(404);
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function bash(run: string, cwd: string, env: Record<string, string>) {
    const output = join(cwd, '.github-output');
    writeFileSync(output, '');
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        'bash',
        ['-c', run],
        {
          cwd,
          env: {
            PATH: `${join(root, 'bin')}${delimiter}${process.env.PATH}`,
            HOME: root,
            RUNNER_TEMP: mkdtempSync(join(root, 'runner-temp ')),
            GITHUB_OUTPUT: output,
            ...env,
          },
        },
        (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      );
    });
    return { ...result, output: readFileSync(output, 'utf8') };
  }

  function checkout(): string {
    const dir = mkdtempSync(join(root, 'project '));
    mkdirSync(join(dir, '.ml-cicd'));
    writeFileSync(
      join(dir, '.ml-cicd/manifest.json'),
      JSON.stringify({ generator: { name: 'ml-cicd', version: '0.9.0' } }),
    );
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir });
    git('init', '-q', '-b', 'main');
    git(
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'init',
    );
    return dir;
  }

  it('runs exactly the published tarball of the newest version, and passes its integrity on', async () => {
    const project = checkout();
    const check = await bash(
      script('check', 'Compare with the newest version on the registry'),
      project,
      {
        REGISTRY: registry,
      },
    );
    expect(check.code).toBe(0);
    expect(check.output).toBe(`latest=0.10.0\nintegrity=${integrity(published)}\n`);

    const update = await bash(script('update', 'Update to the newest template'), project, {
      REGISTRY: registry,
      LATEST: '0.10.0',
      INTEGRITY: integrity(published),
    });
    expect(update.code).toBe(0);
    expect(readFileSync(join(project, 'ran.txt'), 'utf8')).toBe('published update');
    expect(update.output).toBe('changed=true\n');
  });

  it('runs nothing when the tarball is not the one the registry published', async () => {
    const project = checkout();
    served = tarball('swapped');
    try {
      const update = await bash(script('update', 'Update to the newest template'), project, {
        REGISTRY: registry,
        LATEST: '0.10.0',
        INTEGRITY: integrity(published),
      });
      expect(update.code).toBe(1);
      expect(update.stdout).toContain(
        '::error::The ml-cicd 0.10.0 tarball is not the one the registry published',
      );
      expect(() => readFileSync(join(project, 'ran.txt'))).toThrow();
    } finally {
      served = published;
    }
  });

  async function openPullRequest(pulls: unknown[]) {
    const project = checkout();
    const origin = mkdtempSync(join(root, 'origin '));
    execFileSync('git', ['init', '-q', '--bare', origin]);
    execFileSync('git', ['remote', 'add', 'origin', origin], { cwd: project });
    const runnerTemp = mkdtempSync(join(root, 'runner-temp '));
    mkdirSync(join(runnerTemp, 'patch'));
    writeFileSync(
      join(runnerTemp, 'patch', 'ml-cicd-update.patch'),
      'diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+updated\n',
    );
    const log = join(runnerTemp, 'gh.log');
    writeFileSync(log, '');
    const result = await bash(
      script('pull-request', 'Push the branch and open or update the pull request'),
      project,
      {
        RUNNER_TEMP: runnerTemp,
        GH_LOG: log,
        GH_PRS: JSON.stringify(pulls),
        GH_TOKEN: 'ghs_notarealtoken',
        APP_SLUG: 'acme-ml-update',
        LATEST: '0.10.0',
        INTEGRITY: integrity(published),
      },
    );
    return { ...result, calls: readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) };
  }

  const app = { login: 'app/acme-ml-update', is_bot: true };

  it('updates its own pull request from this repository', async () => {
    const result = await openPullRequest([{ number: 12, isCrossRepository: false, author: app }]);
    expect(result.code).toBe(0);
    expect(result.calls.at(-1)).toMatch(
      /^pr edit 12 --title ml-cicd update: 0\.10\.0 --body-file /,
    );
  });

  it.each([
    ['a fork’s branch of the same name', { number: 13, isCrossRepository: true, author: app }],
    [
      'a pull request someone else opened from it',
      { number: 14, isCrossRepository: false, author: { login: 'mallory', is_bot: false } },
    ],
    [
      'a pull request by another App',
      { number: 15, isCrossRepository: false, author: { login: 'app/other-bot', is_bot: true } },
    ],
  ])('never dresses up %s as the update: it opens its own', async (_, pull) => {
    const result = await openPullRequest([pull]);
    expect(result.code).toBe(0);
    expect(result.calls.some((call) => call.startsWith('pr edit'))).toBe(false);
    expect(result.calls.at(-1)).toMatch(
      /^pr create --head ml-cicd-update --title ml-cicd update: 0\.10\.0 /,
    );
  });
});
