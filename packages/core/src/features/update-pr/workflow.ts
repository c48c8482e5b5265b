/**
 * `.github/workflows/update-check.yml` of `--update-check pr`: the update runs in a job that can
 * only read (it runs the newer ml-cicd from the registry) and hands a patch to a job that runs
 * nothing of ours: it commits the patch and opens the pull request with a GitHub App token,
 * which, unlike GITHUB_TOKEN, may change workflows.
 */
import { hostedRunner, type ProjectModel } from '../../model.js';
import { uses } from '../../versions.js';
import {
  checkout,
  compareVersions,
  head,
  registry,
  titlePrefix,
} from '../update-check/workflow.js';

/** The version goes to the next job only when it is a plain version (W21: no free text in run). */
const outputScript = `${compareVersions}if ! [[ "$latest" =~ ^[0-9]+\\.[0-9]+\\.[0-9]+$ ]]; then
  echo "::error::The registry answered a version that is not x.y.z: $latest"
  exit 1
fi
echo "A newer ml-cicd template is out: $latest (this project has $current)."
echo "latest=$latest" >> "$GITHUB_OUTPUT"
`;

/**
 * Runs the update, as a user would on a clean checkout, and keeps what changed as a patch. The
 * update exits 1 when it leaves conflict markers: that still makes a pull request, whose CI
 * (ml-cicd validate) points at them.
 */
const updateScript = `set -euo pipefail
status=0
npx --yes "ml-cicd@$LATEST" update || status=$?
git add --all
git diff --cached --binary > "$RUNNER_TEMP/ml-cicd-update.patch"
if [ ! -s "$RUNNER_TEMP/ml-cicd-update.patch" ]; then
  if [ "$status" -ne 0 ]; then exit "$status"; fi
  echo "ml-cicd $LATEST changes no file of this project."
  exit 0
fi
if [ "$status" -ne 0 ]; then
  echo "::warning::ml-cicd update left conflict markers: the pull request's CI shows where."
fi
echo "changed=true" >> "$GITHUB_OUTPUT"
git diff --cached --stat
`;

export const updateBranch = 'ml-cicd-update';

/**
 * Commits the patch on one branch and opens, or brings up to date, its pull request. git reads
 * the App token from the environment through a credential helper, never from a command line.
 */
const pullRequestScript = `set -euo pipefail
git config user.name "ml-cicd update"
git config user.email "ml-cicd-update@users.noreply.github.com"
git checkout -B "${updateBranch}"
git apply --index "$RUNNER_TEMP/patch/ml-cicd-update.patch"
git commit --quiet -m "ml-cicd update to $LATEST"
git config credential.helper "!f() { echo username=x-access-token; echo \\"password=\\$GH_TOKEN\\"; }; f"
git push --force origin "${updateBranch}"
title="${titlePrefix} $LATEST"
body="$RUNNER_TEMP/update-pr.md"
{
  echo "ml-cicd update to **$LATEST**, made by \\\`npx ml-cicd@$LATEST update\\\` on the default branch."
  echo
  echo "Your edits are kept. A conflict is left as markers in the file, which ml-cicd validate reports in CI: resolve them on this branch."
} > "$body"
number=$(gh pr list --head "${updateBranch}" --state open --json number --jq '.[0].number // empty')
if [ -n "$number" ]; then
  gh pr edit "$number" --title "$title" --body-file "$body"
  echo "Updated pull request #$number: $title"
else
  gh pr create --head "${updateBranch}" --title "$title" --body-file "$body"
fi
`;

/** The environment that holds the GitHub App the update pull request is opened with. */
export const updateEnvironment = 'template-update';
export const appIdVariable = 'UPDATE_APP_ID';
export const appKeySecret = 'UPDATE_APP_PRIVATE_KEY';

export function updatePullRequestWorkflow(model: ProjectModel): unknown {
  const latest = '${{ needs.check.outputs.latest }}';
  return {
    ...head('ml-cicd update'),
    jobs: {
      check: {
        name: 'Look for a newer ml-cicd template',
        'runs-on': hostedRunner,
        'timeout-minutes': 5,
        permissions: { contents: 'read' },
        outputs: { latest: '${{ steps.version.outputs.latest }}' },
        steps: [
          checkout,
          {
            name: 'Compare with the newest version on the registry',
            id: 'version',
            shell: 'bash',
            env: { REGISTRY: registry },
            run: outputScript,
          },
        ],
      },
      update: {
        name: 'Run ml-cicd update, with read access only',
        needs: 'check',
        if: "needs.check.outputs.latest != ''",
        'runs-on': hostedRunner,
        'timeout-minutes': 15,
        permissions: { contents: 'read' },
        outputs: { changed: '${{ steps.update.outputs.changed }}' },
        steps: [
          checkout,
          {
            name: 'Update to the newest template',
            id: 'update',
            shell: 'bash',
            env: { LATEST: latest },
            run: updateScript,
          },
          {
            name: 'Keep the change as a patch',
            if: "steps.update.outputs.changed == 'true'",
            uses: uses('uploadArtifact'),
            with: {
              name: 'ml-cicd-update',
              path: '${{ runner.temp }}/ml-cicd-update.patch',
              'if-no-files-found': 'error',
              'retention-days': 7,
            },
          },
        ],
      },
      'pull-request': {
        name: 'Open or update the update pull request',
        needs: ['check', 'update'],
        if: "needs.update.outputs.changed == 'true'",
        'runs-on': hostedRunner,
        ...model.bindEnvironment(updateEnvironment),
        'timeout-minutes': 10,
        permissions: { contents: 'read' },
        steps: [
          {
            name: 'Get a token of the update GitHub App',
            id: 'app',
            uses: uses('createGithubAppToken'),
            with: {
              'app-id': `\${{ vars.${appIdVariable} }}`,
              'private-key': `\${{ secrets.${appKeySecret} }}`,
              'permission-contents': 'write',
              'permission-pull-requests': 'write',
              'permission-workflows': 'write',
            },
          },
          checkout,
          {
            name: 'Download the patch',
            uses: uses('downloadArtifact'),
            with: { name: 'ml-cicd-update', path: '${{ runner.temp }}/patch' },
          },
          {
            name: 'Push the branch and open or update the pull request',
            shell: 'bash',
            env: { GH_TOKEN: '${{ steps.app.outputs.token }}', LATEST: latest },
            run: pullRequestScript,
          },
        ],
      },
    },
  };
}
