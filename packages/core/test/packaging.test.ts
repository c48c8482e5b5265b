/**
 * The generated project is a package: pyproject.toml's dependencies are requirements.in's lines,
 * its build backend is the one the pinned uv bundles, and every job that runs the project installs
 * it, editable, with the same script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answerCombinations, combinationName } from '../src/combinations.js';
import { withDependencies } from '../src/locks.js';
import { buildProject } from '../src/plan.js';
import { pypi, Requirements, tools } from '../src/versions.js';
import { installProjectScript } from '../src/workflow-steps.js';
import { repoAssets } from './assets.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

const pyprojectTemplate = readFileSync(
  join(repoAssets.templatesDir, 'base/pyproject.toml'),
  'utf8',
);

/** The quoted strings of pyproject.toml's `dependencies = [...]`. */
function dependenciesOf(pyproject: string): string[] {
  const list = /^dependencies = \[\n((?: {2}"[^"\n]+",\n)*)\]$/m.exec(pyproject);
  if (!list) throw new Error('pyproject.toml has no dependencies list of one string a line.');
  return [...list[1]!.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
}

const pinsOf = (requirementsIn: string) =>
  requirementsIn.split('\n').filter((line) => line !== '' && !/^[#-]/.test(line));

describe('Requirements', () => {
  it('lists core pins and a feature own pins by name, and refuses a second pin of one package', () => {
    const requirements = new Requirements(['pyyaml']);
    requirements.pin('comet-ml', '3.58.8');
    requirements.add('joblib');
    expect(requirements.lines()).toEqual([
      'comet-ml==3.58.8',
      `joblib==${pypi.joblib}`,
      `pyyaml==${pypi.pyyaml}`,
    ]);
    requirements.pin('comet-ml', '3.58.8');
    expect(() => requirements.pin('comet-ml', '3.0.0')).toThrow(
      'comet-ml is pinned twice: 3.58.8 and 3.0.0.',
    );
  });
});

describe('withDependencies', () => {
  it('fills in the empty list, one requirement a line', () => {
    const filled = withDependencies(
      '[project]\ndependencies = []\n',
      new Requirements(['pyyaml', 'joblib']),
    );
    expect(filled).toBe(
      `[project]\ndependencies = [\n  "joblib==${pypi.joblib}",\n  "pyyaml==${pypi.pyyaml}",\n]\n`,
    );
  });

  it('refuses a pyproject.toml without the empty list', () => {
    expect(() => withDependencies('[project]\n', new Requirements(['pyyaml']))).toThrow(
      /dependencies/,
    );
  });
});

describe('the build backend', () => {
  it('is a uv_build range that holds the uv the workflows and the dev lock pin', () => {
    const [major, minor] = pypi.uv.split('.');
    expect(tools.uv).toBe(pypi.uv);
    expect(pyprojectTemplate).toContain(
      `requires = ["uv_build>=${pypi.uv},<${major}.${Number(minor) + 1}"]\nbuild-backend = "uv_build"\n`,
    );
  });
});

describe('the install of the project', () => {
  it.each(['actions/train/action.yml', 'checks.yml'])('%s runs the shared script', (file) => {
    const workflow = parse(readFileSync(join(repoAssets.workflowsDir, file), 'utf8'));
    const steps: Step[] = workflow.runs?.steps ?? workflow.jobs.checks.steps;
    expect(steps.find((step) => step.name === 'Install the project')?.run).toBe(
      installProjectScript,
    );
  });

  it('is offline and without build isolation for uv_build, so no backend is downloaded', () => {
    expect(installProjectScript).toContain(
      'uv pip install --system --offline --no-build-isolation --no-deps -e .',
    );
  });
});

describe.each(answerCombinations().map((answers) => [combinationName(answers), answers] as const))(
  '%s',
  (_, answers) => {
    const { files } = buildProject(answers, repoAssets);
    const text = (path: string) => files.get(path)!;

    it("mirrors requirements.in in pyproject.toml's dependencies", () => {
      expect(dependenciesOf(text('pyproject.toml'))).toEqual(pinsOf(text('requirements.in')));
    });

    it('installs the project in every job that runs it', () => {
      expect(parse(text('ml-cicd.yaml')).train?.['install-project']).toBe(true);
      const workflows = [...files.keys()].filter((path) =>
        /^\.github\/workflows\/[^/]+\.yml$/.test(path),
      );
      for (const path of workflows) {
        const workflow = parse(text(path));
        for (const [id, job] of Object.entries<{
          steps?: Step[];
          uses?: string;
          with?: Step['with'];
        }>(workflow.jobs ?? {})) {
          const where = `${path} job ${id}`;
          if (job.uses === './.github/workflows/checks.yml') {
            expect(job.with?.['install-project'], where).toBe(true);
          }
          const steps = job.steps ?? [];
          // The train action installs the project too, for the steps after it.
          const installs = steps.findIndex(
            (step) =>
              step.run === installProjectScript ||
              (step.uses === './.github/actions/train' && step.with?.['install-project'] === true),
          );
          steps.forEach((step, position) => {
            if (step.uses === './.github/actions/train') {
              expect(step.with?.['install-project'], where).toBe(true);
            } else if (/\bpython (?!-c)|\bdvc (repro|exp)/.test(step.run ?? '')) {
              expect(installs, `${where}: ${step.name}`).toBeGreaterThanOrEqual(0);
              expect(installs, `${where}: ${step.name}`).toBeLessThan(position);
            }
          });
        }
      }
    });
  },
);
