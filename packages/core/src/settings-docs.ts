/**
 * Sentences for READMEs saying which secrets and variables a job reads, and where in GitHub
 * to set them: an environment, or with `secrets-scope: repo` the repository.
 */
import type { ProjectModel } from './model.js';

/** "`A`", "`A` and `B`", "`A`, `B` and `C`". */
function listed(names: string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length > 1
    ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
    : (quoted[0] ?? '');
}

/**
 * Which variables and secrets a job bound to `environment` reads, and where in GitHub to set
 * them: that environment, or with `secrets-scope: repo` the repository.
 */
export function readsSettings(
  model: ProjectModel,
  environment: string,
  names: { secrets: string[]; variables: string[] },
): string {
  const repo = model.config['secrets-scope'] === 'repo';
  const owner = repo ? 'the repository' : `the \`${environment}\` environment`;
  const page = repo
    ? 'Settings → Secrets and variables → Actions'
    : `Settings → Environments → \`${environment}\``;
  const { secrets, variables } = names;
  const read = [
    ...(variables.length > 0 ? [`${listed(variables)} from the variables of ${owner}`] : []),
    ...(secrets.length > 0
      ? [
          `${listed(secrets)} from ${variables.length > 0 ? 'its secrets' : `the secrets of ${owner}`}`,
        ]
      : []),
  ];
  return `${read.join(' and ')}; add them under ${page}`;
}

/** What the training step reads, as the features declared it with `passToTraining`. */
export function trainingReads(model: ProjectModel): string {
  const [environment = 'training'] = Object.keys(model.config.environments);
  const names = (secret: boolean) =>
    model.trainingEnv.filter((entry) => entry.secret === secret).map((entry) => entry.name);
  return readsSettings(model, environment, { secrets: names(true), variables: names(false) });
}
