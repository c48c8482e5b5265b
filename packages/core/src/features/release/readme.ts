/** The README section of a project that releases its model from `v*` tags. */
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { remoteKinds, remoteSettings } from '../../dvc-remotes.js';
import { readsSettings } from '../../settings-docs.js';
import { releaseRemote } from './dvc-remote.js';
import { releaseEnvironmentName } from './release-workflow.js';

function registryText(model: ProjectModel): string {
  const registry = model.modelRegistry;
  if (!registry) return '';
  return `

Before the GitHub release, \`python ${registry.module}.py release\` ${registry.readme(model)} It reads
${readsSettings(model, releaseEnvironmentName, registry)}.`;
}

function remoteText(model: ProjectModel): string {
  const kind = releaseRemote(model.config.data);
  if (!kind) return '';
  const repo = `repo:<owner>/${model.config.project.name}`;
  const subject =
    model.config['secrets-scope'] === 'repo'
      ? `\`${repo}:ref:refs/heads/main\` and \`${repo}:ref:refs/tags/v*\` (a StringLike condition), the
subjects of this job's OIDC token on pushes to main and of \`v*\` tags`
      : `\`${repo}:environment:${releaseEnvironmentName}\`, the subject of this job's OIDC token`;
  const oidc = remoteKinds[kind].oidc
    ? ` The AWS role that writes must also trust\n${subject}.`
    : '';
  return `

The model also goes to the DVC remote, before the GitHub release: \`dvc add release\` and
\`dvc push release.dvc\` upload the \`release/\` folder, and \`release.dvc\`, attached to the GitHub
release, names it there: put it in a clone of this repository and \`dvc pull release.dvc\` brings
the files back. The job needs credentials that can write the remote, and fails before publishing
anything without them. It reads ${readsSettings(model, releaseEnvironmentName, remoteSettings(kind))}.${oidc}`;
}

/** How publishing waits for a person: an environment's required reviewers, unless there is none. */
function gate(model: ProjectModel): string {
  if (model.config['secrets-scope'] === 'repo') {
    return `follows as soon as **build** passes the gates: with \`secrets-scope: repo\` no
   environment holds required reviewers, so pushing the tag is the only approval.`;
  }
  return `waits for the \`${releaseEnvironmentName}\` environment: before the first tag, add
   **required reviewers** (or a wait timer) to it under Settings → Environments →
   \`${releaseEnvironmentName}\`. Its first step checks with \`gh api\` that the environment has one
   of the two, and fails without publishing anything otherwise: GitHub creates a missing
   environment without any rule. A private repository on GitHub Free, Pro or Team cannot have
   either rule: there, set \`secrets-scope: repo\` (no environment, no check) and let a tag
   ruleset limit who may push \`v*\` tags (Settings → Rules → Rulesets), so the tag is the approval.`;
}

function body(model: ProjectModel): string {
  const { package: pkg } = model.config.project;
  return `Every \`v*\` tag (\`git tag v1.0.0 && git push origin v1.0.0\`), or a manual run on \`main\`
(Actions → Release → Run workflow), runs the **Release** workflow
(\`.github/workflows/release.yml\`); a push to \`main\` alone publishes nothing:

1. **build** trains with the params committed in \`ml-cicd.yaml\` (\`train.py\` with no flags), then
   \`python release.py\` checks the gates (a missed gate stops the release) and saves the model
   with [skops](https://skops.readthedocs.io) as \`release/model.skops\`, beside its \`metrics.json\`
   and \`params.json\`.
2. **publish** ${gate(model)}
   It then creates the GitHub release (the tag for a \`v*\` push, \`model-<run number>\` for a
   manual run) with the three files attached. Only this job can write to the repository.${registryText(model)}${remoteText(model)}

**Why skops.** \`model.joblib\` is a pickle: loading one can run any code inside it, so it is kept for
your own runs. A released file travels further, and \`model.skops\` loads without running code:
\`${pkg}.model_file.load_model\` refuses a file holding a type outside the list it trusts.

\`\`\`python
from ${pkg}.model_file import load_model

model = load_model("model.skops")
\`\`\``;
}

export const releaseReadme: ReadmeSection = {
  title: 'Releasing the model',
  body,
  order: 55,
};
