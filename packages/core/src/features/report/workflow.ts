/**
 * `.github/workflows/report.yml`: on a push to main, train with the report's arguments (or the
 * default params) and keep the outputs as the baseline artifact; on a pull request, train the
 * pull request's code the same way and report it against main's latest baseline.
 */
import { hostedTrainingImage, type ProjectModel } from '../../model.js';
import { commented } from '../../yaml.js';
import { metricsPathInArtifact, trainSteps } from '../../train-steps.js';
import { reportStep } from '../../report-action.js';

/** The artifact pushes to main upload and pull requests compare with. */
export const baselineArtifact = 'model-baseline';
/** The pull request's own outputs: another name, so the baseline lookup lists main's alone. */
const reportArtifact = 'model-report';
/** A fork's pull request gets a read-only token: its report goes to the job summary only. */
const sameRepository = 'github.event.pull_request.head.repo.full_name == github.repository';

const job = (name: string, event: string) => ({
  name,
  if: `github.event_name == '${event}'`,
  // A hosted runner always: pull requests from forks must never reach a runner of the team's own.
  // It trains, so it names its image.
  'runs-on': hostedTrainingImage,
  'timeout-minutes': 30,
});

export function reportWorkflow(model: ProjectModel): unknown {
  return {
    name: 'Model report',
    on: { pull_request: null, push: { branches: ['main'] } },
    permissions: {},
    concurrency: {
      group: '${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}',
      'cancel-in-progress': true,
    },
    jobs: {
      baseline: {
        ...job("Record main's metrics as the baseline", 'push'),
        permissions: { contents: 'read' },
        steps: trainSteps(model, baselineArtifact, { uvCache: true, cheap: true }),
      },
      report: {
        ...job('Train and report against main', 'pull_request'),
        permissions: {
          contents: 'read',
          actions: commented('read', "to download main's baseline artifact"),
          'pull-requests': commented('write', 'to create and update the sticky report comment'),
        },
        steps: [
          ...trainSteps(model, reportArtifact, { uvCache: true, cheap: true }),
          reportStep({
            metricsFile: model.config.metrics.file,
            // The action finds main's newest baseline artifact of this repository itself.
            baseline: { artifact: baselineArtifact, file: metricsPathInArtifact(model.config) },
            gates: model.config.metrics.gates,
            // The generated train.py writes params.json; a team's own script may not.
            ...(model.script === undefined ? { paramsDir: model.config.outputs.dir } : {}),
            // W08, in the workflow for reviewers to see: the action applies the same guard itself.
            commentMode: `\${{ ${sameRepository} && 'sticky' || 'off' }}`,
          }),
        ],
      },
    },
  };
}
