/**
 * `.github/workflows/retrain.yml`: the re-evaluation job reads the latest release with a read-only
 * token; a second job, the only one allowed to write issues, files what it found.
 */
import { hostedRunner, type ProjectModel } from '../../model.js';
import { commented } from '../../yaml.js';
import { pythonSetupSteps } from '../../workflow-steps.js';

/**
 * Cron lines in UTC. Minute 37, not :00: on the hour GitHub's scheduler is busiest and delays or
 * drops scheduled runs.
 */
export const schedules = {
  monthly: '37 4 1 * *',
  weekly: '37 4 * * 1',
} as const;

/** The label that marks the one re-evaluation issue. */
export const issueLabel = 'model-reevaluation';

const downloadScript = [
  'if ! gh release view >/dev/null 2>&1; then',
  '  echo "No release yet: nothing to re-evaluate." | tee -a "$GITHUB_STEP_SUMMARY"',
  '  echo "found=false" >> "$GITHUB_OUTPUT"',
  '  exit 0',
  'fi',
  'gh release download --pattern model.skops --pattern metrics.json --dir released',
  'echo "found=true" >> "$GITHUB_OUTPUT"',
  '',
].join('\n');

/** Opens the issue or updates it while a gate is broken; closes it once all gates hold again. */
const issueScript = [
  'number=$(gh issue list --label "$LABEL" --state open --json number --jq ".[0].number // empty")',
  'if [ "$STATUS" = healthy ]; then',
  '  if [ -n "$number" ]; then',
  '    gh issue close "$number" --comment "Every gate holds again ($RUN_URL)."',
  '  fi',
  '  exit 0',
  'fi',
  'printf \'%s\\n\\n[Re-evaluation run](%s)\\n\' "$REPORT" "$RUN_URL" > report.md',
  'if [ -n "$number" ]; then',
  '  gh issue edit "$number" --body-file report.md',
  '  gh issue comment "$number" --body "Still failing: $RUN_URL"',
  'else',
  '  gh label create "$LABEL" --color d93f0b --force \\',
  '    --description "The released model misses a gate on fresh data"',
  '  gh issue create --title "The released model misses a gate on fresh data" \\',
  '    --label "$LABEL" --body-file report.md',
  'fi',
  'echo "::error::The released model misses a gate on fresh data: see the issue."',
  'exit 1',
  '',
].join('\n');

function reevaluateJob(model: ProjectModel): Record<string, unknown> {
  const { config } = model;
  const ghEnv = { GH_TOKEN: '${{ github.token }}', GH_REPO: '${{ github.repository }}' };
  return {
    name: 'Re-evaluate the released model on fresh data',
    'runs-on': model.runner.checksRunsOn,
    'timeout-minutes': 30,
    permissions: { contents: 'read' },
    outputs: {
      status: '${{ steps.reevaluate.outputs.status }}',
      report: '${{ steps.reevaluate.outputs.report }}',
    },
    steps: [
      ...pythonSetupSteps(config.python),
      {
        name: 'Download the model of the latest release',
        id: 'download',
        shell: 'bash',
        env: ghEnv,
        run: downloadScript,
      },
      {
        name: 'Score it on fresh data against its metrics and the gates',
        id: 'reevaluate',
        if: "steps.download.outputs.found == 'true'",
        shell: 'bash',
        env: { TRAIN_OUTPUT_DIR: config.outputs.dir },
        run: `python reevaluate.py --model released/model.skops --recorded released/metrics.json\n`,
      },
    ],
  };
}

function issueJob(): Record<string, unknown> {
  return {
    name: 'Open, update or close the re-evaluation issue',
    needs: 'reevaluate',
    if: "needs.reevaluate.outputs.status != ''",
    'runs-on': hostedRunner,
    'timeout-minutes': 10,
    permissions: {
      issues: commented('write', 'opens, updates or closes the one re-evaluation issue'),
    },
    steps: [
      {
        name: 'File the outcome',
        shell: 'bash',
        env: {
          GH_TOKEN: '${{ github.token }}',
          GH_REPO: '${{ github.repository }}',
          LABEL: issueLabel,
          STATUS: '${{ needs.reevaluate.outputs.status }}',
          REPORT: '${{ needs.reevaluate.outputs.report }}',
          RUN_URL:
            '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}',
        },
        run: issueScript,
      },
    ],
  };
}

export function retrainWorkflow(model: ProjectModel, cron: string): unknown {
  return {
    name: 'Re-evaluate',
    on: { schedule: [{ cron }], workflow_dispatch: null },
    permissions: {},
    concurrency: { group: '${{ github.workflow }}', 'cancel-in-progress': false },
    jobs: { reevaluate: reevaluateJob(model), issue: issueJob() },
  };
}
