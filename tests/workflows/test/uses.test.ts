import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actions } from '@ml-cicd/core';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAct } from '../src/act.js';
import { pushEvent } from '../src/events.js';
import type { Project } from '../src/project.js';
import { projectFor, suite } from '../src/suite.js';
import { localRepositoryArgs, remoteUses, standInFolder } from '../src/uses.js';

const workflows = ['ci.yml', 'train.yml', 'report.yml', 'release.yml', 'retrain.yml'];

describe('the stand-ins of the default project’s remote actions', () => {
  let project: Project;
  beforeAll(async () => {
    project = await projectFor('uses-check');
  });

  it.each(workflows)(
    '%s: every remote action has a stand-in, mapped at the SHA ml-cicd pins',
    (workflow) => {
      const pins = new Map<string, string>(
        Object.values(actions).map((pin) => [pin.repo, pin.sha]),
      );
      const uses = remoteUses(project.dir, `.github/workflows/${workflow}`);
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) expect(use.ref, use.uses).toBe(pins.get(use.repo));
      const args = localRepositoryArgs(project.dir, `.github/workflows/${workflow}`);
      for (const use of uses)
        expect(args).toContain(`${use.repo}@${use.ref}=${standInFolder(use.repo)}`);
    },
  );

  it('each stand-in declares every input the generated files pass it', () => {
    for (const workflow of workflows) {
      for (const use of remoteUses(project.dir, `.github/workflows/${workflow}`)) {
        const declared = Object.keys(
          (
            parse(readFileSync(join(standInFolder(use.repo), 'action.yml'), 'utf8')) as {
              inputs: object;
            }
          ).inputs,
        );
        const passed = stepsWith(project.dir, use.file, use.uses);
        for (const name of passed) expect(declared, `${use.repo} in ${use.file}`).toContain(name);
      }
    }
  });

  it('fails before act runs, naming a remote action with no stand-in', async () => {
    const sha = await project.commit('A step with an action we have no stand-in for', (dir) => {
      const file = join(dir, '.github', 'workflows', 'ci.yml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          'jobs:\n',
          'jobs:\n  extra:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: octo-org/unknown-action@0123456789abcdef0123456789abcdef01234567\n',
        ),
      );
    });
    const started = Date.now();
    await expect(
      runAct(suite(), {
        project,
        workflow: 'ci.yml',
        event: 'push',
        payload: pushEvent(project, sha),
        runId: 901,
      }),
    ).rejects.toThrow(
      '.github/workflows/ci.yml uses remote actions with no stand-in under tests/workflows/stand-ins/: octo-org/unknown-action@0123456789abcdef0123456789abcdef01234567 (in .github/workflows/ci.yml)',
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

/** The `with:` keys of every step in file that uses exactly `uses`. */
function stepsWith(projectDir: string, file: string, uses: string): string[] {
  const document = parse(readFileSync(join(projectDir, file), 'utf8')) as {
    jobs?: Record<string, { steps?: { uses?: string; with?: object }[] }>;
    runs?: { steps?: { uses?: string; with?: object }[] };
  };
  const steps = [
    ...Object.values(document.jobs ?? {}).flatMap((job) => job.steps ?? []),
    ...(document.runs?.steps ?? []),
  ];
  return steps.filter((step) => step.uses === uses).flatMap((step) => Object.keys(step.with ?? {}));
}
