import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnswers, type RawAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

const path = '.github/workflows/update-check.yml';

function render(raw: RawAnswers = {}) {
  return buildProject(resolveAnswers({ name: 'my-project', ...raw }, 'my-project'), repoAssets);
}

describe('--update-check', () => {
  it('is off by default: no workflow, and the feature is not listed', () => {
    const project = render();
    expect(project.files.has(path)).toBe(false);
    expect(project.manifest.features).not.toContain('update-check');
  });

  it('issue: a weekly workflow that may write issues only, and a README section', () => {
    const project = render({ updateCheck: 'issue' });
    expect(project.manifest.features).toContain('update-check');
    const workflow = parse(project.files.get(path)!);
    expect(workflow.on.schedule).toEqual([{ cron: '23 6 * * 1' }]);
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.check.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(project.files.get(path)).toContain(
      'issues: write # opens or updates the one issue that says an update exists',
    );
    expect(project.files.get('README.md')).toContain('## Template updates');
  });
});

/**
 * The workflow's script, run by bash with the runner's curl and jq against a registry on
 * 127.0.0.1, and a `gh` stand-in that logs its calls and answers `issue list` from a JSON list
 * with the real jq, as gh's --jq does.
 */
describe('the update check script', () => {
  const ghStandIn = `#!/bin/sh
printf '%s\\n' "$*" >> "$GH_LOG"
if [ "$1 $2" = "issue list" ]; then
  while [ $# -gt 0 ]; do
    if [ "$1" = "--jq" ]; then printf '%s' "$GH_ISSUES" | jq -r "$2"; fi
    shift
  done
fi
`;
  let server: Server;
  let registry: string;
  let published = true;
  let root: string;
  const script = parse(render({ updateCheck: 'issue' }).files.get(path)!).jobs.check.steps[1].run;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const found = published && request.url === '/create-ml-cicd/latest';
      response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      response.end(found ? JSON.stringify({ name: 'create-ml-cicd', version: '0.10.0' }) : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    root = mkdtempSync(join(tmpdir(), 'update-check '));
    mkdirSync(join(root, 'bin'));
    writeFileSync(join(root, 'bin', 'gh'), ghStandIn);
    chmodSync(join(root, 'bin', 'gh'), 0o755);
  });
  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Runs the script; asynchronously, since the registry answers from this process. */
  async function check(version: string, issues: unknown[]) {
    const project = mkdtempSync(join(root, 'project '));
    mkdirSync(join(project, '.ml-cicd'));
    writeFileSync(
      join(project, '.ml-cicd/manifest.json'),
      JSON.stringify({ generator: { name: 'ml-cicd', version } }),
    );
    const log = join(project, 'gh.log');
    writeFileSync(log, '');
    const env = {
      PATH: `${join(root, 'bin')}${delimiter}${process.env.PATH}`,
      REGISTRY: registry,
      RUNNER_TEMP: project,
      GH_LOG: log,
      GH_ISSUES: JSON.stringify(issues),
    };
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile('bash', ['-c', script], { cwd: project, env }, (error, stdout) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      );
    });
    const body = join(project, 'update-issue.md');
    return {
      code: result.code,
      stdout: result.stdout,
      calls: readFileSync(log, 'utf8').trim().split('\n').filter(Boolean),
      body: () => readFileSync(body, 'utf8'),
    };
  }

  const title = 'ml-cicd update: 0.10.0 is available (this project has 0.9.0)';

  it('is green with a notice, and touches no issue, while the registry has no create-ml-cicd', async () => {
    published = false;
    try {
      const result = await check('0.9.0', []);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        `::notice title=Not on the registry yet::${registry} has no create-ml-cicd yet`,
      );
      expect(result.calls).toEqual([]);
    } finally {
      published = true;
    }
  });

  it('does nothing when the project is at the newest version, or newer', async () => {
    for (const version of ['0.10.0', '0.11.0']) {
      const result = await check(version, []);
      expect(result.code).toBe(0);
      expect(result.calls).toEqual([]);
    }
  });

  it('opens an issue with the commands to run, comparing versions as numbers', async () => {
    const result = await check('0.9.0', [{ number: 3, title: 'Something else' }]);
    expect(result.code).toBe(0);
    expect(result.calls.at(-1)).toMatch(
      new RegExp(`^issue create --title ${title.replace(/[().]/g, '\\$&')} --body-file `),
    );
    expect(result.body()).toContain('npx ml-cicd@0.10.0 update --dry-run\n');
  });

  const bot = { login: 'app/github-actions', is_bot: true };

  it('updates the issue it opened before instead of opening another', async () => {
    const result = await check('0.9.0', [
      { number: 3, title: 'Something else', author: bot },
      {
        number: 7,
        title: 'ml-cicd update: 0.9.5 is available (this project has 0.9.0)',
        author: bot,
      },
    ]);
    expect(result.code).toBe(0);
    expect(result.calls.at(-1)).toMatch(/^issue edit 7 --title ml-cicd update: 0\.10\.0 /);
    expect(result.stdout).toContain(`Updated issue #7: ${title}`);
  });

  it('never edits a look-alike issue someone else wrote: it opens its own', async () => {
    const result = await check('0.9.0', [
      {
        number: 5,
        title: 'ml-cicd update: 0.9.5 is available (this project has 0.9.0)',
        author: { login: 'mallory', is_bot: false },
      },
    ]);
    expect(result.code).toBe(0);
    expect(result.calls.some((call) => call.startsWith('issue edit'))).toBe(false);
    expect(result.calls.at(-1)).toMatch(/^issue create --title ml-cicd update: 0\.10\.0 /);
  });
});
