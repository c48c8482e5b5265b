/**
 * GitHub removed Node 20 from its runners on 2026-09-16: every action a generated workflow uses
 * must run on node24 (or be composite, running only steps that do).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { actions } from './versions.js';

const runtimes = ['node24', 'composite'];

const reference = JSON.parse(
  readFileSync(new URL('../reference/action-pins.json', import.meta.url), 'utf8'),
) as { actions: Record<string, { runs_using?: string }> };

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const ownActions = [
  ...readdirSync(`${repoRoot}workflows/actions`).map(
    (name) => `workflows/actions/${name}/action.yml`,
  ),
  'packages/report-action/action.yml',
  'packages/create-ml-cicd/template-setup/action.yml',
];

describe('action runtimes', () => {
  it.each(Object.entries(actions))(
    'pinned %s runs on node24 (runs.using of the reference table)',
    (_, pin) => {
      expect(runtimes, pin.repo).toContain(reference.actions[pin.repo]?.runs_using);
    },
  );

  it.each(ownActions)('our %s runs on node24 or is composite', (path) => {
    const action = parse(readFileSync(`${repoRoot}${path}`, 'utf8')) as { runs: { using: string } };
    expect(runtimes).toContain(action.runs.using);
  });

  it('covers the vendored validate and report actions and the train action', () => {
    expect(ownActions).toEqual(
      expect.arrayContaining([
        'workflows/actions/ml-cicd/action.yml',
        'workflows/actions/report/action.yml',
        'workflows/actions/train/action.yml',
      ]),
    );
  });

  it('would refuse an action still on node20 or node16', () => {
    expect(runtimes).not.toContain('node20');
    expect(runtimes).not.toContain(reference.actions['iterative/setup-cml']?.runs_using);
  });
});
