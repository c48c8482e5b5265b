/** The README sections of the default project. */
import type { Param, Task } from '@ml-cicd/config';
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { lockCommand, projectInstallCommand } from '../../locks.js';
import { trainExample } from './task.js';

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
    'once, in `ml-cicd.yaml`: `train.py` builds its flags from it when it runs. To add one, add it',
    'under `params` (it becomes a keyword argument of the estimator) and run `npx ml-cicd sync`,',
    "which brings the workflows' inputs and gates and this table up to date.",
    '',
    '| flag | type | default | allowed | description |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function plotsOf(task: Task): string {
  const importances = 'the feature importances, when the model has them.';
  return task === 'regression'
    ? `the residuals and ${importances}`
    : `the confusion matrix, the ROC and precision-recall curves and ${importances}`;
}

function gatesList(model: ProjectModel): string {
  const gates = model.config.metrics.gates.map((gate) => {
    const bound = gate.min !== undefined ? `at least ${gate.min}` : `at most ${gate.max}`;
    return `- \`${gate.metric}\` ${bound}`;
  });
  return [
    `A run writes everything to \`${model.config.outputs.dir}/\` (set \`TRAIN_OUTPUT_DIR\` to change it):`,
    '`metrics.json`, `params.json`, `run.json` (how the run ended, training time, the git commit',
    'and the sha256 of the data), the model, `model.joblib`, and SVG plots: ' +
      plotsOf(model.config.task ?? 'binary'),
    'The tests hold the model to these gates (in `ml-cicd.yaml`):',
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

const quickStart = (model: ProjectModel) => `Train and test on your machine (Python 3.10 to 3.13):

\`\`\`sh
python -m venv .venv
. .venv/bin/activate                # Windows: .venv\\Scripts\\activate
pip install --require-hashes -r requirements-dev.txt
${projectInstallCommand}
pytest
python train.py --help              # or: ${model.config.project.name} --help
${trainExample(model.config.task)}
\`\`\`

The project is a package: after the hashed requirements it is installed from this folder,
editable (a change to \`src/\` takes effect without reinstalling) and without its dependencies,
which came from the lock. uv, from the development requirements, builds it with the build backend
it bundles (\`uv_build\` in \`pyproject.toml\`); \`--offline\` and \`--no-build-isolation\` make sure
nothing else is downloaded. CI and the workflows install it the same way.

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
system and CPU. \`pyproject.toml\`'s \`dependencies\` mirror \`requirements.in\` (a test fails when
they differ). After changing an \`.in\` file, change \`pyproject.toml\` to match and lock again with
uv (it is in the development requirements), then install again:

\`\`\`sh
${lockCommand('requirements.in', 'requirements.txt')}
${lockCommand('requirements-dev.in', 'requirements-dev.txt')}
pip install --require-hashes -r requirements-dev.txt
\`\`\`

**CUDA wheels.** Some packages pull NVIDIA's CUDA libraries on Linux: \`torch\` from PyPI, for one,
locks \`nvidia-*\` wheels of several GB (\`grep '^nvidia-' requirements.txt\` shows them), which
every install downloads, on a CPU-only runner too. If training needs no GPU, lock \`torch\` from
PyTorch's CPU-only index instead (uv's guide: https://docs.astral.sh/uv/guides/integration/pytorch/);
if it does, keep them and let the train workflow's uv cache spare the download.

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
