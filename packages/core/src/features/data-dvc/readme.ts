/** The README section of a project whose data and models DVC versions. */
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { placeholders } from '../../placeholders.js';
import { readEnvironment, writeEnvironment } from './ci-jobs.js';
import { dvcPlot } from './dvc-files.js';
import {
  dvcDataOf,
  dvcReadRoleVariable,
  type DvcRemoteKind,
  dvcRoleVariable,
  pushesInCi,
  pullsInCi,
  remoteKinds,
  remoteName,
  remoteSettings,
} from '../../dvc-remotes.js';

function remoteText(model: ProjectModel, kind: DvcRemoteKind, placeholder: boolean): string {
  const url = dvcDataOf(model.config.data)?.remote.url;
  const where = placeholder
    ? `\`${url}\` in \`.dvc/config\` is a placeholder: put your own with
\`dvc remote modify ${remoteName} url <url>\` and the same URL under \`data.remote.url\` in \`ml-cicd.yaml\`.`
    : `The remote is \`${url}\` (\`.dvc/config\`, and \`data.remote.url\` in \`ml-cicd.yaml\`).`;
  return `### Remote: ${remoteKinds[kind].choice.label}

${where} Credentials never go in \`.dvc/config\`, which is committed: they come from environment
variables or from \`.dvc/config.local\` (\`dvc remote modify --local …\`), which git ignores.
This remote needs ${remoteKinds[kind].credentials}`;
}

/** "the secret `A`", "the variables `A` and `B`", or nothing. */
function kindOf(noun: string, names: string[]): string {
  if (names.length === 0) return '';
  const listed = names.map((name) => `\`${name}\``).join(' and ');
  return `the ${noun}${names.length > 1 ? 's' : ''} ${listed}`;
}

function ciText(model: ProjectModel, kind: DvcRemoteKind): string {
  if (!pullsInCi(kind)) {
    return `### In CI

The **CI** workflow runs \`dvc repro\` on every pull request and push, and fails when \`dvc.lock\` is
missing or differs from what the pipeline makes.`;
  }
  if (!pushesInCi(kind)) {
    return `### In CI

The **CI** workflow's \`dvc\` job pulls what the remote has (\`dvc pull --allow-missing\`), runs
\`dvc repro\` and fails when \`dvc.lock\` is missing or differs from what the pipeline makes. It
needs no credentials and pushes nothing: outputs the server lacks are made again by \`dvc repro\`.`;
  }
  const remote = remoteKinds[kind];
  const repo = model.config['secrets-scope'] === 'repo';
  const { secrets, variables } = remoteSettings(kind, repo ? dvcReadRoleVariable : dvcRoleVariable);
  const names = [kindOf('secret', secrets), kindOf('variable', variables)].filter(
    (text) => text !== '',
  );
  const policies = `\`infra/aws/dvc-read-*.json\` and \`infra/aws/dvc-write-*.json\` (your account id and owner in place of \`${placeholders.account}\` and \`${placeholders.owner}\`)`;
  const oidc = !remote.oidc
    ? ''
    : repo
      ? `

Create two IAM roles GitHub assumes by OIDC, split by the subject of its token, as ${policies}
describe them: a read-only role, \`${dvcReadRoleVariable}\`, trusted for this repository's pull
requests (and the check on main), and the role that writes, \`${dvcRoleVariable}\`, trusted only for
\`ref:refs/heads/main\` (and release tags \`v*\` when the release pushes there; protect them with a
tag ruleset). So a pull request, even from a branch of this repository, can never write to the
remote. A fork's pull request gets no OIDC token at all.`
      : `

Create two IAM roles GitHub assumes by OIDC, one that reads the bucket and one that writes it,
and trust each only for its environments, as ${policies} describe them:
\`token.actions.githubusercontent.com:sub\` equal to \`repo:<owner>/${model.config.project.name}:environment:${readEnvironment}\`
for the read-only role, \`…:environment:${writeEnvironment}\` (and \`…:environment:release\` when the
release pushes there) for the role that writes, and \`aud\` equal to \`sts.amazonaws.com\`.`;
  const where = repo
    ? `the repository (\`secrets-scope: repo\`: the jobs bind no environment). Pull requests from
forks get no credentials, so the job skips the pull and runs the whole pipeline. On pushes to main,
the \`dvc-push\` job uploads data and models${remote.oidc ? ` with the role of \`${dvcRoleVariable}\`, which only main can assume` : ' with the same repository values: they must be able to write, and any workflow of the repository can read them'}.`
    : `the \`${readEnvironment}\` environment: give it credentials that can
only read, and no required reviewers. Pull requests from forks get no credentials, so the job
skips the pull and runs the whole pipeline. On pushes to main, the \`dvc-push\` job uploads data and
models with the same names from the \`${writeEnvironment}\` environment: limit its deployment branches to main.`;
  return `### In CI

The **CI** workflow's \`dvc\` job pulls what the remote has (\`dvc pull --allow-missing\`), runs
\`dvc repro\` and fails when \`dvc.lock\` is missing or differs from what the pipeline makes. It reads
the remote with ${names.join(' and ')} of ${where}${oidc}`;
}

export function dvcReadme(kind: DvcRemoteKind, placeholder: boolean): ReadmeSection {
  // A server CI only pulls from takes no uploads from anyone.
  const readOnly = pullsInCi(kind) && !pushesInCi(kind);
  const push = readOnly ? '' : 'dvc push              # upload data and models to the remote\n';
  const elsewhere = readOnly
    ? 'bring back what the server holds, and `dvc repro` makes the rest'
    : 'bring back the same data, model and metrics';
  return {
    title: 'Data and model versioning (DVC)',
    order: 50,
    body: (
      model,
    ) => `\`dvc.yaml\` is a pipeline of three stages, each \`python pipeline.py <stage>\`:
**prepare** splits the data into \`data/prepared/\`, **train** fits \`models/model.joblib\`, and
**evaluate** writes \`reports/metrics.json\` and the plot \`${dvcPlot(model).file}\`. Each stage
declares its code, inputs and parameters (with the \`task\` and \`dataset\` of \`ml-cicd.yaml\` when
it has them, and the data file), so \`dvc repro\` reruns only the stages whose inputs changed.
\`params.yaml\` holds the defaults of the params in \`ml-cicd.yaml\`, the one source: change a
default there and run \`npx ml-cicd sync\`, which writes it here; the tests and \`ml-cicd validate\`
(rule \`dvc-params-match\`) fail when they differ.

\`\`\`sh
dvc repro             # the first run makes dvc.lock: commit it
git add dvc.lock && git commit -m "Record the pipeline's outputs"
${push}dvc metrics show      # reports/metrics.json; dvc plots show renders the plot
\`\`\`

On another machine, \`git clone\` and \`dvc pull\` ${elsewhere}.

${remoteText(model, kind, placeholder)}

${ciText(model, kind)}`,
  };
}
