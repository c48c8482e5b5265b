/**
 * Helm values of the actions-runner-controller runner scale set that runs training: chart
 * gha-runner-scale-set 0.14.2 (its values.yaml is in packages/core/reference), validated in the tests
 * against values.schema.json beside this file.
 */
import type { YamlFile } from '../../model.js';

export const chart = {
  name: 'gha-runner-scale-set',
  version: '0.14.2',
  oci: 'oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set',
  controller:
    'oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set-controller',
} as const;

/** The Kubernetes secret the scale set authenticates to GitHub with (made by hand, never in git). */
export const githubSecret = 'arc-github-app';

export interface ScaleSet {
  name: string;
  maxRunners: number;
  owner: string;
  project: string;
}

export function valuesFile(scaleSet: ScaleSet): YamlFile {
  return {
    comment: [
      `Helm values of the ${chart.name} chart ${chart.version} (actions-runner-controller): the runner`,
      `scale set ${scaleSet.name} that the Train workflow runs on. Install it as infra/arc/README.md says.`,
    ].join('\n'),
    notes: {
      githubConfigUrl: 'The repository the runners serve: put in its owner.',
      githubConfigSecret:
        'A Kubernetes secret in the runners’ namespace holding the GitHub App (or token) credentials.',
      runnerScaleSetName: 'The runs-on value of the workflows: change both together.',
      minRunners:
        'No idle runner: pods start when a job is queued, and each pod runs one job and is\ndeleted (ARC runners are ephemeral), so no job sees what another left behind.',
      'template.spec.nodeSelector':
        'GPU nodes only: the label NVIDIA GPU Feature Discovery (part of the GPU Operator) sets.\nUse your cluster’s own GPU node label if it has another.',
      'template.spec.tolerations':
        'GPU node pools are often tainted so that only GPU work lands there.',
      'template.spec.containers': 'The chart’s runner image and command, with one GPU for the job.',
    },
    build: () => ({
      githubConfigUrl: `https://github.com/${scaleSet.owner}/${scaleSet.project}`,
      githubConfigSecret: githubSecret,
      runnerScaleSetName: scaleSet.name,
      minRunners: 0,
      maxRunners: scaleSet.maxRunners,
      template: {
        spec: {
          nodeSelector: { 'nvidia.com/gpu.present': 'true' },
          tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
          containers: [
            {
              name: 'runner',
              image: 'ghcr.io/actions/actions-runner:latest',
              command: ['/home/runner/run.sh'],
              resources: { limits: { 'nvidia.com/gpu': 1 } },
            },
          ],
        },
      },
    }),
  };
}
