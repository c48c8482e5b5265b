/**
 * Where the training job's secrets live: in a GitHub Environment (the default), or, for a
 * repository that cannot have environments, in the repository's own secrets.
 */
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { defineOption } from '../../option-types.js';

export const secretsScopeOption = defineOption({
  key: 'secretsScope',
  kind: 'choice',
  flag: 'secrets-scope',
  message: 'Where should the training secrets live?',
  help: 'environment secrets behind protection rules, or repository secrets where environments are not available',
  choices: [
    {
      value: 'environment',
      label: 'A GitHub Environment',
      hint: 'required reviewers and branch rules can guard them',
    },
    {
      value: 'repo',
      label: 'Repository secrets',
      hint: 'for private repositories on a free plan: no reviewers, any branch',
    },
  ],
  default: 'environment',
});

/** What a repository secret does not have that an environment secret has, in one paragraph. */
export const lostProtection =
  'any workflow on any branch can read repository secrets: there are no required reviewers to approve a run, no deployment-branch rule keeping them to `main`, and no environment-scoped secrets that other jobs cannot see';

function where(model: ProjectModel, name: string): string {
  const variable = model.envVars.find((candidate) => candidate.name === name);
  return variable?.description ?? model.settingDocs.get(name) ?? '';
}

function settingsTable(model: ProjectModel): string[] {
  const repo = model.config['secrets-scope'] === 'repo';
  const rows = Object.entries(model.config.environments).flatMap(([environment, settings]) => {
    const scope = repo ? 'repository' : `\`${environment}\``;
    const row = (name: string, kind: string) =>
      `| \`${name}\` | ${kind} | ${scope} | ${where(model, name)} |`;
    return [
      ...settings.secrets.map((name) => row(name, 'secret')),
      ...settings.variables.map((name) => row(name, 'variable')),
    ];
  });
  if (rows.length === 0) {
    return [
      'The workflows read no secrets or variables yet; `ml-cicd.yaml` lists them when they do.',
    ];
  }
  // Repository secrets have one value per name, however many environments list it.
  return [
    '| name | kind | where it lives | what it is, where to get it |',
    '| --- | --- | --- | --- |',
    ...new Set(rows),
  ];
}

function scopeNote(model: ProjectModel): string {
  const [environment = 'training'] = Object.keys(model.config.environments);
  if (model.config['secrets-scope'] === 'repo') {
    return `\`ml-cicd.yaml\` sets \`secrets-scope: repo\`: the jobs read **repository** secrets and variables,
because this repository cannot have GitHub Environments (private repositories need a paid plan for
them). What that loses: ${lostProtection}. When the plan allows environments, remove
\`secrets-scope: repo\` from \`ml-cicd.yaml\`, add \`environment: ${environment}\` to the jobs that read
secrets (\`ml-cicd validate\` points at them), and set the values again with \`ml-cicd secrets --apply\`.`;
  }
  return `The jobs that read them bind the GitHub Environment \`${environment}\`, so they are **environment**
secrets and variables: GitHub releases them only to those jobs, after the environment's protection
rules pass. Add required reviewers and limit deployment branches to \`main\` under Settings →
Environments → \`${environment}\`.`;
}

function body(model: ProjectModel): string {
  return [
    'Every secret and variable the workflows read is listed under `environments:` in `ml-cicd.yaml`:',
    '',
    ...settingsTable(model),
    '',
    scopeNote(model),
    '',
    'Set them up with [gh](https://cli.github.com) (logged in with `gh auth login`):',
    '',
    '```sh',
    'npx ml-cicd secrets                         # prints the gh commands, values never shown',
    'npx ml-cicd secrets --apply --from-env .env # runs them: values from your shell, then .env',
    '```',
    '',
    'Values reach `gh` on its standard input, never on a command line. A name left empty in the file',
    'is skipped; a name set nowhere is reported as missing. (`npx ml-cicd` answers 404 until ml-cicd',
    'is on npm: until then, run it from a tarball packed in a clone of ml-cicd, as its README says.)',
  ].join('\n');
}

export const secretsReadme: ReadmeSection = {
  title: 'GitHub secrets and variables',
  body,
  order: 55,
};
