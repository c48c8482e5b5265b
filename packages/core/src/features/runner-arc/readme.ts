/** The arc runner's docs: infra/arc/README.md and the Runner section of the README. */
import { chart, githubSecret, type ScaleSet } from './values.js';

export function infraReadme(scaleSet: ScaleSet): string {
  return `# Kubernetes runners for training (actions-runner-controller)

\`values.yaml\` configures a runner scale set of
[actions-runner-controller](https://docs.github.com/en/actions/tutorials/use-actions-runner-controller)
(ARC), chart \`${chart.name}\` ${chart.version}. The Train workflow runs on it with
\`runs-on: ${scaleSet.name}\`: ARC starts a runner pod on a GPU node for each queued job, up to
${scaleSet.maxRunners} at once and none when idle, and deletes the pod after its one job.

## Install (once per cluster)

You need a Kubernetes cluster with GPU nodes and the NVIDIA device plugin (for example through
the NVIDIA GPU Operator), and Helm 3.

1. Install the controller:

   \`\`\`sh
   helm install arc --namespace arc-systems --create-namespace \\
     ${chart.controller}
   \`\`\`

2. Give the scale set its GitHub credentials, as a secret in the runners' namespace. A GitHub App
   installed on this repository with Administration read and write is the recommended way
   (a personal access token works too: \`--from-literal=github_token=...\`):

   \`\`\`sh
   kubectl create namespace arc-runners
   kubectl create secret generic ${githubSecret} --namespace arc-runners \\
     --from-literal=github_app_id=123456 \\
     --from-literal=github_app_installation_id=654321 \\
     --from-file=github_app_private_key=path/to/private-key.pem
   \`\`\`

3. Put the repository's owner into \`values.yaml\` (\`githubConfigUrl\`), check the GPU node selector
   and toleration against your nodes (\`kubectl get nodes --show-labels\`), and install the scale set
   under the name the workflows use:

   \`\`\`sh
   helm install ${scaleSet.name} --namespace arc-runners \\
     --version ${chart.version} -f infra/arc/values.yaml \\
     ${chart.oci}
   \`\`\`

4. Check that its listener is running (\`kubectl get pods -n arc-systems\`) and that the scale set
   shows under Settings → Actions → Runners.

## Security

- Runners are ephemeral: one job per pod, so nothing carries over from one run to the next.
- Only trusted code reaches them: training runs only when someone with write access dispatches
  it, and pull requests from forks are checked on GitHub-hosted runners.
- The credentials stay in the Kubernetes secret, never in git or in \`values.yaml\`.

## When nothing happens

With \`minRunners: 0\` no runner is online until a job is queued, so a job waits while ARC starts
a pod (and, with a cluster autoscaler, a GPU node). If the controller, the listener or the
scale set is missing, the job waits in the queue until GitHub fails it after 24 hours; the
listener pod's log in \`arc-systems\` (\`kubectl get pods -n arc-systems\`, then \`kubectl logs\`) says why.
`;
}

export function runnerSection(scaleSet: ScaleSet): string {
  return `Training and same-repository checks run on the actions-runner-controller scale set
\`${scaleSet.name}\`: Kubernetes starts a GPU runner pod per job (up to ${scaleSet.maxRunners}) and deletes it
after the job. The workflows check pull requests from forks on GitHub-hosted runners, but in a
public repository a fork's copy of the workflows can name the scale set: \`ml-cicd secrets --apply\`
makes every outside contributor's run wait for your approval, and the scale set's runner group
should admit only this repository's selected workflows (ml-cicd's docs/runners.md). Install the scale set with the Helm values in \`infra/arc/\`, as \`infra/arc/README.md\` says. The
training log starts with \`nvidia-smi\`, so you can see which GPU it got.`;
}
