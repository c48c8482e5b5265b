import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertToolsInstalled, validateProject, type Finding } from '../src/index.js';
import { cleanProject, removeProjects, writeProject } from './fixtures.js';

const CI = '.github/workflows/ci.yml';
const CHECKS = '.github/workflows/checks.yml';

/** The clean project with `path` edited by `edit`. */
function edited(path: string, edit: (text: string) => string): Record<string, string> {
  return { ...cleanProject, [path]: edit(cleanProject[path]!) };
}

function replaced(path: string, from: string, to: string): Record<string, string> {
  return edited(path, (text) => {
    if (!text.includes(from)) throw new Error(`${path} has no ${JSON.stringify(from)}`);
    return text.replace(from, to);
  });
}

function lineOf(files: Record<string, string>, path: string, needle: string): number {
  return files[path]!.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

async function findings(files: Record<string, string>): Promise<Finding[]> {
  return (await validateProject(await writeProject(files))).findings;
}

beforeAll(assertToolsInstalled);
afterAll(removeProjects);

describe('each broken project is caught by the validator made for it', () => {
  it('an expression inside run: (zizmor template-injection, actionlint expression)', async () => {
    const run = 'run: echo "Pull request -- ${{ github.event.pull_request.title }}"';
    const files = replaced(CI, 'run: echo "Pull request -- $TITLE"', run);
    const line = lineOf(files, CI, run);
    const found = await findings(files);
    expect(found).toContainEqual(
      expect.objectContaining({ tool: 'zizmor', rule: 'template-injection', file: CI, line }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ tool: 'actionlint', rule: 'expression', file: CI, line }),
    );
  });

  it('an action pinned to a tag (zizmor unpinned-uses)', async () => {
    const files = replaced(
      CHECKS,
      /actions\/checkout@.*/.exec(cleanProject[CHECKS]!)![0],
      'actions/checkout@v4',
    );
    const line = lineOf(files, CHECKS, 'actions/checkout@v4');
    expect(await findings(files)).toContainEqual(
      expect.objectContaining({ tool: 'zizmor', rule: 'unpinned-uses', file: CHECKS, line }),
    );
  });

  it('an unknown top-level key (workflow-parser)', async () => {
    const files = replaced(CI, 'permissions: {}\n', 'permissions: {}\nenvironment: prod\n');
    expect(await findings(files)).toContainEqual({
      tool: 'workflow-parser',
      file: CI,
      line: lineOf(files, CI, 'environment: prod'),
      column: 1,
      message: "Unexpected value 'environment'",
    });
  });

  it('a job without runs-on (workflow-parser)', async () => {
    const files = replaced(CI, '    runs-on: ubuntu-latest\n', '');
    expect(await findings(files)).toContainEqual(
      expect.objectContaining({
        tool: 'workflow-parser',
        file: CI,
        message: 'Required property is missing: runs-on',
      }),
    );
  });

  it('an unquoted variable in a run script (actionlint shellcheck)', async () => {
    const files = replaced(CI, 'echo "Pull request -- $TITLE"', 'echo Pull request -- $TITLE');
    expect(await findings(files)).toContainEqual(
      expect.objectContaining({
        tool: 'actionlint',
        rule: 'shellcheck',
        file: CI,
        message: expect.stringContaining('SC2086'),
      }),
    );
  });

  it('a value the Dependabot schema does not allow (check-jsonschema)', async () => {
    const path = '.github/dependabot.yml';
    const files = replaced(path, 'interval: weekly', 'interval: sometimes');
    expect(await findings(files)).toContainEqual(
      expect.objectContaining({
        tool: 'check-jsonschema',
        rule: 'vendor.dependabot',
        file: path,
        line: lineOf(files, path, 'interval: sometimes'),
        message: expect.stringContaining("'sometimes' is not one of"),
      }),
    );
  });

  it('an unknown step key (check-jsonschema github-workflows)', async () => {
    const files = replaced(
      CI,
      '        shell: bash\n',
      '        shell: bash\n        retries: 2\n',
    );
    expect(await findings(files)).toContainEqual(
      expect.objectContaining({
        tool: 'check-jsonschema',
        rule: 'vendor.github-workflows',
        file: CI,
        message: expect.stringContaining("'retries' was unexpected"),
      }),
    );
  });

  it('a job without timeout-minutes (check-jsonschema require-timeout)', async () => {
    const files = replaced(CI, '    timeout-minutes: 5\n', '');
    expect(await findings(files)).toContainEqual(
      expect.objectContaining({
        tool: 'check-jsonschema',
        rule: 'custom.github-workflows-require-timeout',
        file: CI,
      }),
    );
  });

  it('a misspelt input of a local reusable workflow (actionlint workflow-call, parser)', async () => {
    const files = replaced(CI, "python-version: '3.12'", "python-versions: '3.12'");
    const found = await findings(files);
    expect(found).toContainEqual(
      expect.objectContaining({
        tool: 'actionlint',
        rule: 'workflow-call',
        file: CI,
        line: lineOf(files, CI, 'python-versions'),
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        tool: 'workflow-parser',
        message: 'Invalid input, python-versions is not defined in the referenced workflow.',
      }),
    );
  });

  it('a broken YAML file, without losing the audit of the others (zizmor)', async () => {
    const files = {
      ...replaced(
        CHECKS,
        /actions\/checkout@.*/.exec(cleanProject[CHECKS]!)![0],
        'actions/checkout@v4',
      ),
      '.github/workflows/train.yml': 'on: push\njobs:\n  train: [\n',
    };
    const found = (await findings(files)).filter((finding) => finding.tool === 'zizmor');
    expect(found).toContainEqual(
      expect.objectContaining({ rule: 'collection', file: '.github/workflows/train.yml' }),
    );
    expect(found).toContainEqual(expect.objectContaining({ rule: 'unpinned-uses', file: CHECKS }));
  });
});

describe('project configuration', () => {
  const selfHosted = replaced(CI, 'runs-on: ubuntu-latest', 'runs-on: [self-hosted, gpu]');

  it('reports an undeclared runner label (actionlint runner-label)', async () => {
    expect(await findings(selfHosted)).toContainEqual(
      expect.objectContaining({ tool: 'actionlint', rule: 'runner-label', file: CI }),
    );
  });

  it.each([
    ['outside a git repository', {}],
    ['in a git repository', { '.git': '' }],
  ])('reads .github/actionlint.yaml %s', async (_, git) => {
    const config = 'self-hosted-runner:\n  labels: [gpu]\n';
    const found = await findings({ ...selfHosted, ...git, '.github/actionlint.yaml': config });
    expect(found).toEqual([]);
  });

  it('reports what only the pedantic persona sees apart from the findings', async () => {
    const files = edited(CI, (text) => text.replace(/^concurrency:\n(  .*\n)+/m, ''));
    const report = await validateProject(await writeProject(files));
    expect(report.findings).toEqual([]);
    expect(report.pedantic).toContainEqual(
      expect.objectContaining({ tool: 'zizmor', rule: 'concurrency-limits', file: CI }),
    );
  });
});
