/**
 * `.github/workflows/update-check.yml`: once a week, compares the version that made the project
 * (`.ml-cicd/manifest.json`) with the newest create-ml-cicd on the npm registry, and opens, or
 * brings up to date, one issue when a newer template exists.
 *
 * It asks the registry's metadata only (curl and jq of the runner image): no package of ours is
 * fetched and run (DESIGN principle 7). `--update-check pr` makes the update itself instead.
 */
import { hostedRunner } from '../../model.js';
import {
  checkout,
  compareVersions,
  head,
  registry,
  titlePrefix,
  writtenBy,
} from '../../update-workflow.js';
import { commented } from '../../yaml.js';

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
