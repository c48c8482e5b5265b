/** The README section of a project with the pull request report. */
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { baselineArtifact } from './workflow.js';

function body(model: ProjectModel): string {
  const { dir } = model.config.outputs;
  return `On every pull request, the **Model report** workflow (\`.github/workflows/report.yml\`) trains
the pull request's code with the default params on a GitHub-hosted runner and compares its
\`${dir}/metrics.json\` with the latest run on \`main\`: a table of each metric on main and in the
pull request with the change, what changed in the params, and the gates of \`ml-cicd.yaml\`
(a broken gate fails the check). It runs the action vendored in \`.github/actions/report/\`, so
nothing is fetched at run time.

Each push to \`main\` trains the same way and keeps \`${dir}/\` as the \`${baselineArtifact}\` artifact: the
baseline. Until the first push to \`main\` has run, the report says there is no baseline yet.

The report is one comment on the pull request, updated in place on each push. Pull requests from
forks and from Dependabot get a read-only token, so their report is in the run's job summary
instead. Only the report job may write, and only to pull requests (\`pull-requests: write\`);
it reads main's artifact with \`actions: read\`.`;
}

export const reportReadme: ReadmeSection = { title: 'Pull request report', body, order: 55 };
