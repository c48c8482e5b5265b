/**
 * `.github/workflows/retrain.yml`: the re-evaluation job reads the latest release with a read-only
 * token; a second job, the only one allowed to write issues, files what it found.
 */
import { hostedRunner, trainingOnChecksRunner, type ProjectModel } from '../../model.js';
import { commented } from '../../yaml.js';
import { pythonSetupSteps } from '../../workflow-steps.js';
import { reportStep } from '../../report-action.js';
import { trainSteps } from '../../train-steps.js';

/**
 * Cron lines in UTC. Minute 37, not :00: on the hour GitHub's scheduler is busiest and delays or
 * drops scheduled runs.
 */
export const schedules = {
  monthly: '37 4 1 * *',
  weekly: '37 4 * * 1',
} as const;

export const retrainPath = '.github/workflows/retrain.yml';

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

/** What the issue says: the released model re-scored, or the script trained again on today's data. */
interface IssueText {
  title: string;
  /** The text of the link to the workflow run. */
  run: string;
  /** The failure, after "The ", for the workflow's error line. */
  failure: string;
}

const reevaluationText: IssueText = {
  title: 'The released model misses a gate on fresh data',
  run: 'Re-evaluation run',
  failure: 'released model misses a gate on fresh data',
};

const retrainingText: IssueText = {
  title: 'The model trained on current data misses a gate',
  run: 'Retraining run',
  failure: 'model trained on current data misses a gate',
};

/** Opens the issue or updates it while a gate is broken; closes it once all gates hold again. */
const issueScript = (text: IssueText) =>
  [
    'number=$(gh issue list --label "$LABEL" --state open --json number --jq ".[0].number // empty")',
    'if [ "$STATUS" = healthy ]; then',
    '  if [ -n "$number" ]; then',
    '    gh issue close "$number" --comment "Every gate holds again ($RUN_URL)."',
    '  fi',
    '  exit 0',
    'fi',
    `printf '%s\\n\\n[${text.run}](%s)\\n' "$REPORT" "$RUN_URL" > report.md`,
    'if [ -n "$number" ]; then',
    '  gh issue edit "$number" --body-file report.md',
    '  gh issue comment "$number" --body "Still failing: $RUN_URL"',
    'else',
    '  gh label create "$LABEL" --color d93f0b --force \\',
    `    --description "${text.title}"`,
    `  gh issue create --title "${text.title}" \\`,
    '    --label "$LABEL" --body-file report.md',
    'fi',
    `echo "::error::The ${text.failure}: see the issue."`,
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
      ...pythonSetupSteps(config),
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

/** The job that files what job `needs` found, from its `status` (healthy|broken) and `report`. */
function issueJob(needs: string, text: IssueText): Record<string, unknown> {
  return {
    name: 'Open, update or close the re-evaluation issue',
    needs,
    if: `needs.${needs}.outputs.status != ''`,
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
          STATUS: `\${{ needs.${needs}.outputs.status }}`,
          REPORT: `\${{ needs.${needs}.outputs.report }}`,
          RUN_URL:
            '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}',
        },
        run: issueScript(text),
      },
    ],
  };
}

/** On the schedule, and by hand. */
const triggers = (cron: string) => ({ schedule: [{ cron }], workflow_dispatch: null });

export function retrainWorkflow(model: ProjectModel, cron: string): unknown {
  return {
    name: 'Re-evaluate',
    on: triggers(cron),
    permissions: {},
    concurrency: { group: '${{ github.workflow }}', 'cancel-in-progress': false },
    jobs: { reevaluate: reevaluateJob(model), issue: issueJob('reevaluate', reevaluationText) },
  };
}

/**
 * Fetches the metrics file of the latest release, if there is one, as the report's baseline: the
 * asset named as ml-cicd.yaml's metrics file (release.yml attaches the metrics as metrics.json).
 */
const releasedMetricsScript = [
  'if gh release download --pattern "$METRICS_ASSET" --dir released 2>/dev/null; then',
  '  echo "Baseline: $METRICS_ASSET of the latest release."',
  'else',
  '  echo "No release with a $METRICS_ASSET yet: the gates alone decide."',
  'fi',
  '',
].join('\n');

/** The name of the release asset that holds the metrics: the metrics file's own name. */
export function releasedMetricsAsset(metricsFile: string): string {
  return metricsFile.split('/').filter(Boolean).at(-1) ?? metricsFile;
}

/**
 * For a repository's own script (`add workflow retrain`), whose model no generated code can load:
 * on the same schedule, the script trains again with its defaults on the data of the day, and the
 * report action holds its metrics to the gates and to those of the latest release.
 */
export function scriptRetrainWorkflow(model: ProjectModel, cron: string): unknown {
  const { config } = model;
  const asset = releasedMetricsAsset(config.metrics.file);
  return {
    name: 'Retrain',
    on: triggers(cron),
    permissions: {},
    concurrency: { group: '${{ github.workflow }}', 'cancel-in-progress': false },
    jobs: {
      retrain: {
        name: 'Train on current data and check the gates',
        'runs-on': trainingOnChecksRunner(model.runner),
        'timeout-minutes': config.runner['timeout-minutes'],
        permissions: { contents: 'read' },
        outputs: {
          status:
            "${{ steps.report.outputs.regressed == 'true' && 'broken' || steps.report.outputs.regressed == 'false' && 'healthy' || '' }}",
          report: '${{ steps.report.outputs.markdown }}',
        },
        steps: [
          // Its outputs decide whether the release still holds: no cache a pull request could write.
          // The params' defaults, not report.args: its metrics are compared with the release's.
          ...trainSteps(model, 'retrain-outputs', { uvCache: false, cheap: false }),
          {
            name: 'Download the metrics of the latest release',
            shell: 'bash',
            env: {
              GH_TOKEN: '${{ github.token }}',
              GH_REPO: '${{ github.repository }}',
              METRICS_ASSET: asset,
            },
            run: releasedMetricsScript,
          },
          {
            ...reportStep({
              name: 'Report the metrics against the gates and the latest release',
              id: 'report',
              metricsFile: config.metrics.file,
              baseline: { dir: 'released', file: asset },
              gates: config.metrics.gates,
              commentMode: 'off',
            }),
            // A broken gate is filed as an issue by the next job, which then fails the run.
            'continue-on-error': true,
          },
        ],
      },
      issue: issueJob('retrain', retrainingText),
    },
  };
}
