/**
 * `.github/workflows/update-check.yml`: once a week, compares the version that made the project
 * (`.ml-cicd/manifest.json`) with the newest create-ml-cicd on the npm registry, and opens, or
 * brings up to date, one issue when a newer template exists.
 *
 * It asks the registry's metadata only (curl and jq of the runner image): no package of ours is
 * fetched and run (DESIGN principle 7). `--update-check pr` makes the update itself instead.
 */
import { hostedRunner } from '../../model.js';
import { uses } from '../../versions.js';
import { commented } from '../../yaml.js';

export const workflowPath = '.github/workflows/update-check.yml';

/** Every open issue or pull request this workflow made starts with this, so a later run finds it again. */
export const titlePrefix = 'ml-cicd update:';

/**
 * Sets `current` and `latest`, and stops the step, green, when the project is at the newest
 * version or when the registry has no create-ml-cicd yet (a notice, not a failed run).
 */
export const compareVersions = `set -euo pipefail
current=$(jq -r .generator.version .ml-cicd/manifest.json)
answer="$RUNNER_TEMP/create-ml-cicd-latest.json"
status=$(curl -sSL -o "$answer" -w '%{http_code}' "$REGISTRY/create-ml-cicd/latest")
if [ "$status" = 404 ]; then
  echo "::notice title=Not on the registry yet::$REGISTRY has no create-ml-cicd yet, so there is no newer template to compare with."
  exit 0
fi
if [ "$status" != 200 ]; then
  echo "::error::$REGISTRY answered HTTP $status for create-ml-cicd."
  exit 1
fi
latest=$(jq -r .version "$answer")
newest=$(printf '%s\\n%s\\n' "$current" "$latest" | sort -V | tail -n 1)
if [ "$current" = "$newest" ]; then
  echo "ml-cicd $current made this project, and it is the newest: nothing to do."
  exit 0
fi
`;

/**
 * A jq test that an issue or pull request was written by the GitHub App whose slug the jq
 * expression `slug` gives (the workflow token's is "github-actions"): gh shows an App's login as
 * `app/SLUG`, the REST API as `SLUG[bot]`. Neither can be a person's login, so a look-alike
 * title by anyone else never counts.
 */
export const writtenBy = (slug: string) =>
  `.author.login == ("app/" + ${slug}) or .author.login == (${slug} + "[bot]")`;

const issueScript = `${compareVersions}title="${titlePrefix} $latest is available (this project has $current)"
body="$RUNNER_TEMP/update-issue.md"
{
  echo "A newer ml-cicd template is out: **$latest**. This project was made with, or last updated to, $current."
  echo
  echo "On a clean checkout, see what would change, then update (your edits are kept; conflicts are listed):"
  echo
  echo '\`\`\`sh'
  echo "npx ml-cicd@$latest update --dry-run"
  echo "npx ml-cicd@$latest update"
  echo '\`\`\`'
} > "$body"
number=$(gh issue list --state open --search "\\"${titlePrefix}\\" in:title" --json number,title,author \\
  --jq '[.[] | select((.title | startswith("${titlePrefix}")) and (${writtenBy('"github-actions"')}))][0].number // empty')
if [ -n "$number" ]; then
  gh issue edit "$number" --title "$title" --body-file "$body"
  echo "Updated issue #$number: $title"
else
  gh issue create --title "$title" --body-file "$body"
fi
`;

export const checkout = {
  name: 'Check out the repository',
  uses: uses('checkout'),
  with: { 'persist-credentials': false },
};

export const head = (name: string) => ({
  name,
  on: { schedule: [{ cron: '23 6 * * 1' }], workflow_dispatch: null },
  permissions: {},
  concurrency: { group: '${{ github.workflow }}', 'cancel-in-progress': true },
});

export const registry = 'https://registry.npmjs.org';

export function updateCheckWorkflow(): unknown {
  return {
    ...head('ml-cicd update check'),
    jobs: {
      check: {
        name: 'Look for a newer ml-cicd template',
        'runs-on': hostedRunner,
        'timeout-minutes': 5,
        permissions: {
          contents: 'read',
          issues: commented('write', 'opens or updates the one issue that says an update exists'),
        },
        steps: [
          checkout,
          {
            name: 'Open or update the update issue',
            shell: 'bash',
            env: { GH_TOKEN: '${{ github.token }}', REGISTRY: registry },
            run: issueScript,
          },
        ],
      },
    },
  };
}
