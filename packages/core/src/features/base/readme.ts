/** The README sections of the default project. */
import type { Param } from '@ml-cicd/config';
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { lockCommand } from '../../locks.js';

function allowed(param: Param): string {
  if (param.choices) return param.choices.map((choice) => `\`${choice}\``).join(', ');
  if (param.min !== undefined || param.max !== undefined) {
    return `${param.min ?? '−∞'} to ${param.max ?? '∞'}`;
  }
  return '';
}

function paramsTable(model: ProjectModel): string {
  const rows = Object.entries(model.config.params).map(
    ([name, param]) =>
      `| \`--${name}\` | ${param.type} | \`${String(param.default)}\` | ${allowed(param)} | ${param.description} |`,
  );
  return [
    'Every parameter is a flag of `train.py` and an input of the **Train** workflow. They are listed',
    'once, in `ml-cicd.yaml`; the tests fail when the script, the workflow and that file disagree.',
    '',
    '| flag | type | default | allowed | description |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function gatesList(model: ProjectModel): string {
  const gates = model.config.metrics.gates.map((gate) => {
    const bound = gate.min !== undefined ? `at least ${gate.min}` : `at most ${gate.max}`;
    return `- \`${gate.metric}\` ${bound}`;
  });
  return [
    `A run writes everything to \`${model.config.outputs.dir}/\` (set \`TRAIN_OUTPUT_DIR\` to change it):`,
    '`metrics.json`, `params.json`, `run.json` (how the run ended, training time and git commit),',
    'the model, `model.joblib`, and the confusion matrix, `confusion_matrix.svg`. The tests hold the',
    'model to these gates (in `ml-cicd.yaml`):',
    '',
    ...gates,
  ].join('\n');
}

function settingsTable(model: ProjectModel): string {
  const rows = model.envVars.map(
    (variable) =>
      `| \`${variable.name}\` | ${variable.secret ? 'secret' : 'setting'} | ${variable.description} |`,
  );
  return [
    'Settings and secrets come only from environment variables, never from files in git.',
    '`.env.example` lists every one the code reads.',
    '',
    '| variable | kind | what it is |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const quickStart = `Train and test on your machine (Python 3.10 to 3.13):

\`\`\`sh
python -m venv .venv
. .venv/bin/activate                # Windows: .venv\\Scripts\\activate
pip install --require-hashes -r requirements-dev.txt
pytest
python train.py --help
python train.py --criterion entropy --max-depth 3
\`\`\`

\`pre-commit install\` runs ruff on every commit, with the versions pinned in the locks.`;

function secretsOfTraining(model: ProjectModel): string {
  const { environment } = model.jobEnvironment();
  return environment
    ? `The job binds the\n  GitHub Environment \`${environment}\`, so its secrets reach only this job`
    : 'The job reads\n  repository secrets (`secrets-scope: repo`: see below what that loses)';
}

function continuousIntegration(model: ProjectModel): string {
  return `- **CI** (\`.github/workflows/ci.yml\`) runs \`ml-cicd validate\`, ruff and pytest on every pull
  request and push to \`main\`, through the reusable workflow \`.github/workflows/checks.yml\`;
  validate runs from \`.github/actions/ml-cicd\`, a copy in the repository, and its findings show
  as annotations on the files.
- **Train** (\`.github/workflows/train.yml\`) trains on demand: Actions → Train → Run workflow, or
  \`gh workflow run train.yml -f max-depth=3\`. Its inputs are the parameters above. ${secretsOfTraining(model)}, and it uploads \`${model.config.outputs.dir}/\`
  as an artifact. Its steps live in the local action \`.github/actions/train\`.

Every workflow pins its actions by commit SHA, grants the token only what each job needs, and
passes workflow inputs through environment variables, never into scripts.`;
}

const dependencies = `\`requirements.in\` and \`requirements-dev.in\` list the direct dependencies; \`requirements.txt\`
and \`requirements-dev.txt\` pin every package with hashes for CPython 3.10 to 3.13 on any operating
system and CPU. After changing an \`.in\` file, lock again with [uv](https://docs.astral.sh/uv/):

\`\`\`sh
${lockCommand('requirements.in', 'requirements.txt')}
${lockCommand('requirements-dev.in', 'requirements-dev.txt')}
\`\`\`

Dependabot (\`.github/dependabot.yml\`) proposes updates of these pins and of the action SHAs weekly.`;

const layoutRows = (pkg: string): [string, string][] => [
  ['ml-cicd.yaml', 'the one list of parameters, gates, runner and environments'],
  ['train.py', 'entry point: python train.py --help'],
  [`src/${pkg}/`, 'params.py, settings.py, data.py, model.py, tracking.py, cli.py'],
  ['tests/', 'pytest: data, model gates and determinism, CLI and workflow agreement'],
  ['.github/workflows/', 'ci.yml, checks.yml, train.yml'],
  ['.github/actions/train/', 'the training steps shared by workflows'],
  ['.github/actions/ml-cicd/', 'ml-cicd validate, bundled for CI'],
  ['.ml-cicd/manifest.json', 'what generated this project, and a hash of each file it wrote'],
];

function layout(model: ProjectModel): string {
  const rows = layoutRows(model.config.project.package);
  const width = Math.max(...rows.map(([path]) => path.length)) + 2;
  return ['```', ...rows.map(([path, what]) => `${path.padEnd(width)}${what}`), '```'].join('\n');
}

export const baseReadme: ReadmeSection[] = [
  { title: 'Quick start', body: quickStart, order: 10 },
  { title: 'Parameters', body: paramsTable, order: 20 },
  { title: 'Outputs and gates', body: gatesList, order: 30 },
  { title: 'Settings and secrets', body: settingsTable, order: 40 },
  { title: 'Continuous integration', body: continuousIntegration, order: 50 },
  { title: 'Dependencies', body: dependencies, order: 70 },
  { title: 'Project layout', body: layout, order: 80 },
];
