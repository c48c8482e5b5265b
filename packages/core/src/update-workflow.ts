/**
 * What both flavours of `.github/workflows/update-check.yml` share (`--update-check issue` and
 * `pr`): the path, the weekly trigger, the comparison of the project's ml-cicd version with the
 * newest on the npm registry, and how a run finds the issue or pull request it made before.
 */
import { uses } from './versions.js';

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

export const checkout = {
  name: 'Check out the repository',
  uses: uses('checkout'),
  with: { 'persist-credentials': false },
};

/** The workflow's name and weekly trigger, with no default permissions and one run at a time. */
export const head = (name: string) => ({
  name,
  on: { schedule: [{ cron: '23 6 * * 1' }], workflow_dispatch: null },
  permissions: {},
  concurrency: { group: '${{ github.workflow }}', 'cancel-in-progress': true },
});

/** The npm registry the workflow asks for the newest version. */
export const registry = 'https://registry.npmjs.org';
