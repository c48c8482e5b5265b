/** `.github/workflows/ci.yml`: lint and tests on every pull request and push to main. */
import type { MlCicdConfig } from '@ml-cicd/config';
import { hostedRunner, type ProjectModel } from '../../model.js';
import { checksWorkflowHead } from '../../workflow-steps.js';

const sameRepository = 'github.event.pull_request.head.repo.full_name == github.repository';

function checksJob(
  name: string,
  config: MlCicdConfig,
  runsOn: string | string[],
  condition?: string,
) {
  return {
    name,
    ...(condition ? { if: condition } : {}),
    uses: './.github/workflows/checks.yml',
    permissions: { contents: 'read' },
    with: {
      'python-version': config.python,
      'runs-on': JSON.stringify(runsOn),
      'timeout-minutes': 30,
      ...(config.train?.['install-project'] ? { 'install-project': true } : {}),
    },
  };
}

export function ciWorkflow(model: ProjectModel): unknown {
  const { config } = model;
  const { checksRunsOn, trustedCodeOnly } = model.runner;
  // A runner of the team's own must never run a fork's code: forks are checked on a hosted runner.
  const jobs =
    trustedCodeOnly && checksRunsOn !== hostedRunner
      ? {
          checks: checksJob(
            'Lint and test',
            config,
            checksRunsOn,
            `github.event_name != 'pull_request' || ${sameRepository}`,
          ),
          'checks-fork': checksJob(
            'Lint and test (pull request from a fork, hosted runner)',
            config,
            hostedRunner,
            `github.event_name == 'pull_request' && !(${sameRepository})`,
          ),
        }
      : { checks: checksJob('Lint and test', config, checksRunsOn) };
  return {
    ...checksWorkflowHead('CI'),
    jobs: {
      ...jobs,
      ...Object.fromEntries([...model.ciJobs].map(([id, build]) => [id, build(model)])),
    },
  };
}
