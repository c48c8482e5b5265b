/**
 * `pnpm reference:refresh` against git repositories made here and served as file:// URLs in the
 * owner/name layout of the real server.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/refresh-reference.mjs', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'refresh-reference-'));
const server = join(root, 'server');
const reference = join(root, 'reference');
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();

/** A repository at server/<name> with one commit per release; returns each tag's commit. */
function repository(
  name: string,
  releases: [tag: string, files: Record<string, string>][],
  annotated = false,
) {
  const dir = join(server, name);
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '--quiet', '-b', 'main');
  const commits: Record<string, string> = {};
  for (const [tag, files] of releases) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    git(dir, 'add', '.');
    git(dir, 'commit', '--quiet', '--allow-empty', '-m', tag);
    if (annotated) git(dir, 'tag', '-a', tag, '-m', tag);
    else git(dir, 'tag', tag);
    commits[tag] = git(dir, 'rev-parse', 'HEAD');
  }
  return commits;
}

const action = (using: string) =>
  `name: a\ninputs:\n  token:\n    description: t\noutputs:\n  id:\n    description: i\nruns:\n  using: ${using}\n  main: index.js\n`;

let setup: Record<string, string>;
let sarif: Record<string, string>;
let chart: Record<string, string>;
let output: string;

beforeAll(() => {
  setup = repository('acme/setup', [
    ['v1.2.0', { 'action.yml': action('node20') }],
    ['v1.10.0', { 'action.yml': action('node24') }],
    ['v2.0.0-beta.1', { 'action.yml': action('node24') }],
  ]);
  sarif = repository(
    'acme/codeql',
    [['v4.1.0', { 'upload-sarif/action.yaml': action('node24') }]],
    true,
  );
  chart = repository('actions/actions-runner-controller', [
    ['gha-runner-scale-set-0.9.0', { 'charts/gha-runner-scale-set/values.yaml': 'old: 1\n' }],
    [
      'gha-runner-scale-set-0.14.2',
      {
        'charts/gha-runner-scale-set/values.yaml': 'githubConfigUrl: ""\n',
        'charts/gha-runner-scale-set/Chart.yaml':
          'name: gha-runner-scale-set\nversion: 0.14.2\nappVersion: 0.14.2\n',
      },
    ],
  ]);
  mkdirSync(reference);
  const pins = {
    generated: '2026-01-01',
    note: 'old',
    actions: {
      'acme/setup': {
        tag: 'v1.2.0',
        sha: setup['v1.2.0'],
        snapshot: { stale: true },
        license: 'MIT',
      },
      'acme/codeql/upload-sarif': { tag: 'v4.1.0', sha: sarif['v4.1.0'], warning: 'kept' },
    },
  };
  writeFileSync(join(reference, 'action-pins.json'), JSON.stringify(pins));
  output = execFileSync(
    process.execPath,
    [script, '--server', `file://${server}`, '--dir', reference],
    {
      encoding: 'utf8',
    },
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pnpm reference:refresh', () => {
  const pins = () => JSON.parse(readFileSync(join(reference, 'action-pins.json'), 'utf8'));

  it('moves an action to its newest release tag, by version order, and drops the old notes', () => {
    expect(output).toContain('acme/setup: v1.2.0 -> v1.10.0');
    expect(pins().actions['acme/setup']).toEqual({
      tag: 'v1.10.0',
      sha: setup['v1.10.0'],
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      runs_using: 'node24',
      action_file: 'action.yml',
      tag_type: 'lightweight',
      verified: true,
      inputs_at_tag: ['token'],
      outputs_at_tag: ['id'],
      license: 'MIT',
    });
  });

  it('pins the commit of an annotated tag and reads the action file under its path', () => {
    const entry = pins().actions['acme/codeql/upload-sarif'];
    expect(output).toContain('acme/codeql/upload-sarif: v4.1.0, unchanged');
    expect(entry).toMatchObject({
      sha: sarif['v4.1.0'],
      tag_type: 'annotated',
      action_file: 'upload-sarif/action.yaml',
      warning: 'kept',
    });
  });

  it('copies the newest chart values under a header that names the tag and commit', () => {
    const values = readFileSync(join(reference, 'gha-runner-scale-set.values.yaml'), 'utf8');
    expect(values.split('\n').slice(3).join('\n')).toBe('githubConfigUrl: ""\n');
    expect(values).toContain(
      `git tag gha-runner-scale-set-0.14.2 -> commit ${chart['gha-runner-scale-set-0.14.2']}`,
    );
    expect(pins().arc_chart).toMatchObject({ version: '0.14.2', verified: true });
    expect(pins().generated).toBe(new Date().toISOString().slice(0, 10));
  });
});
