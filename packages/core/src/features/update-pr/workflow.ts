/**
 * `.github/workflows/update-check.yml` of `--update-check pr`: the update runs in a job that can
 * only read (it runs the newer ml-cicd from the registry: one exact version, its tarball checked
 * against the integrity the registry published) and hands a patch to a job that runs nothing of
 * ours: it commits the patch to a branch and opens a pull request with a GitHub App token, which,
 * unlike GITHUB_TOKEN, may change workflows. Nothing reaches the default branch without review.
 */
import { hostedRunner, type ProjectModel } from '../../model.js';
import { uses } from '../../versions.js';
import {
  checkout,
  compareVersions,
  head,
  registry,
  titlePrefix,
  writtenBy,
} from '../../update-workflow.js';

/** The version goes to the next job only when it is a plain version (W21: no free text in run). */
const outputScript = `${compareVersions}if ! [[ "$latest" =~ ^[0-9]+\\.[0-9]+\\.[0-9]+$ ]]; then
  echo "::error::The registry answered a version that is not x.y.z: $latest"
  exit 1
fi
integrity=$(curl -fsSL "$REGISTRY/ml-cicd/$latest" | jq -r .dist.integrity)
if ! [[ "$integrity" =~ ^sha512-[A-Za-z0-9+/]+={0,2}$ ]]; then
  echo "::error::The registry published no sha512 integrity for ml-cicd $latest."
  exit 1
fi
echo "A newer ml-cicd template is out: $latest (this project has $current)."
echo "latest=$latest" >> "$GITHUB_OUTPUT"
echo "integrity=$integrity" >> "$GITHUB_OUTPUT"
`;

/**
 * Runs the update, as a user would on a clean checkout, and keeps what changed as a patch. What
 * runs is the tarball of ml-cicd $LATEST whose sha512 is the integrity the check job read from
 * the registry; ml-cicd has no dependencies, so nothing else is installed. The update exits 1
 * when it leaves conflict markers: that still makes a pull request, whose CI (ml-cicd validate)
 * points at them.
 */
const updateScript = `set -euo pipefail
package="$RUNNER_TEMP/ml-cicd-package"
mkdir -p "$package"
curl -fsSL -o "$package/ml-cicd.tgz" "$REGISTRY/ml-cicd/-/ml-cicd-$LATEST.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$package/ml-cicd.tgz" | base64 | tr -d '\\n')"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "::error::The ml-cicd $LATEST tarball is not the one the registry published ($INTEGRITY): nothing was run."
  exit 1
fi
tar -xzf "$package/ml-cicd.tgz" -C "$package"
status=0
node "$package/package/dist/index.js" update || status=$?
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
git --no-pager diff --cached --stat
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
  echo "ml-cicd update to **$LATEST**, made by \\\`ml-cicd update\\\` of ml-cicd $LATEST (tarball $INTEGRITY, as the npm registry published it) on the default branch."
  echo
  echo "Your edits are kept. A conflict is left as markers in the file, which ml-cicd validate reports in CI: resolve them on this branch."
} > "$body"
# Only this repository's branch, opened by the App: a fork's branch of the same name never counts.
number=$(gh pr list --head "${updateBranch}" --state open --json number,isCrossRepository,author \\
  --jq '[.[] | select(.isCrossRepository == false and (${writtenBy('env.APP_SLUG')}))][0].number // empty')
if [ -n "$number" ]; then
  gh pr edit "$number" --title "$title" --body-file "$body"
  echo "Updated pull request #$number: $title"
else
  gh pr create --head "${updateBranch}" --title "$title" --body-file "$body"
fi
`;

/** The environment that holds the GitHub App the update pull request is opened with. */
export const updateEnvironment = 'template-update';
export const appClientIdVariable = 'UPDATE_APP_CLIENT_ID';
export const appKeySecret = 'UPDATE_APP_PRIVATE_KEY';

export function updatePullRequestWorkflow(model: ProjectModel): unknown {
  const latest = '${{ needs.check.outputs.latest }}';
  const integrity = '${{ needs.check.outputs.integrity }}';
  return {
    ...head('ml-cicd update'),
    jobs: {
      check: {
        name: 'Look for a newer ml-cicd template',
        'runs-on': hostedRunner,
        'timeout-minutes': 5,
        permissions: { contents: 'read' },
        outputs: {
          latest: '${{ steps.version.outputs.latest }}',
          integrity: '${{ steps.version.outputs.integrity }}',
        },
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
            env: { LATEST: latest, INTEGRITY: integrity, REGISTRY: registry },
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
              'client-id': `\${{ vars.${appClientIdVariable} }}`,
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
            env: {
              GH_TOKEN: '${{ steps.app.outputs.token }}',
              APP_SLUG: '${{ steps.app.outputs.app-slug }}',
              LATEST: latest,
              INTEGRITY: integrity,
            },
            run: pullRequestScript,
          },
        ],
      },
    },
  };
}
