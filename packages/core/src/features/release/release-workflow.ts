/**
 * `.github/workflows/release.yml`, run by a `v*` tag or by hand (never by every push to main): the
 * build job trains with the committed params and checks the gates; the publish job, bound to the
 * `release` environment, waits for a reviewer, checks that the environment really has a
 * protection rule, and then publishes what the build made, with the only write token of the
 * workflow.
 */
import type { Environment } from '@ml-cicd/config';
import { hostedRunner, type ModelRegistry, type ProjectModel } from '../../model.js';
import { uses } from '../../versions.js';
import { commented } from '../../yaml.js';
import { remoteSettings } from '../../dvc-remotes.js';
import { releaseRemote, remotePermission, remotePushSteps } from './dvc-remote.js';
import { checkoutStep, pythonSetupSteps } from '../../workflow-steps.js';
import { trainActionInputs } from '../../train-steps.js';

export const releaseEnvironmentName = 'release';

/** The model registry's settings and the DVC remote's, which the publish job reads. */
export function releaseEnvironment(model: ProjectModel): Environment {
  const registry = model.modelRegistry ?? { variables: [], secrets: [] };
  const kind = releaseRemote(model.config.data);
  const remote = kind ? remoteSettings(kind) : { secrets: [], variables: [] };
  return {
    description:
      'Publishing the model: add required reviewers (or a wait timer), or the release job refuses to publish.',
    secrets: [...registry.secrets, ...remote.secrets],
    variables: [...registry.variables, ...remote.variables],
  };
}

function buildJob(model: ProjectModel): Record<string, unknown> {
  const { config } = model;
  const { launch, runsOn, setupSteps } = model.runner;
  const [environment] = Object.keys(config.environments);
  return {
    name: 'Train with the committed params and check the gates',
    ...(launch ? { needs: launch.id } : {}),
    'runs-on': runsOn,
    environment,
    'timeout-minutes': config.runner['timeout-minutes'],
    permissions: { contents: 'read' },
    steps: [
      checkoutStep,
      ...setupSteps,
      {
        // No arguments: train.py's defaults are the params committed in ml-cicd.yaml.
        name: 'Train with the params of ml-cicd.yaml',
        uses: './.github/actions/train',
        ...model.trainingStepEnv(),
        with: {
          ...trainActionInputs(config, model.script),
          'artifact-name': 'release-training-outputs',
        },
      },
      {
        name: 'Check the gates and save the model with skops',
        shell: 'bash',
        run: `python release.py --outputs ${config.outputs.dir} --to release\n`,
      },
      {
        name: 'Upload the release files',
        uses: uses('uploadArtifact'),
        with: { name: 'release', path: 'release', 'if-no-files-found': 'error' },
      },
    ],
  };
}

function registryStep({ module, variables, secrets }: ModelRegistry) {
  const ref = (kind: string) => (name: string) => [name, `\${{ ${kind}.${name} }}`];
  return {
    name: 'Register the model in the model registry',
    shell: 'bash',
    env: {
      ...Object.fromEntries(variables.map(ref('vars'))),
      ...Object.fromEntries(secrets.map(ref('secrets'))),
    },
    run: `python ${module}.py release\n`,
  };
}

const releaseFiles = ['release/model.skops', 'release/metrics.json', 'release/params.json'];

/** Creates the release (a `v*` tag's own, or `model-<run number>` for main) or adds to it. */
const publishScript = (assets: string[]) =>
  [
    'if [ "$REF_TYPE" = tag ]; then tag="$REF_NAME"; else tag="model-$RUN_NUMBER"; fi',
    `assets=(${assets.join(' ')})`,
    'if gh release view "$tag" >/dev/null 2>&1; then',
    '  gh release upload "$tag" "${assets[@]}" --clobber',
    'else',
    '  gh release create "$tag" "${assets[@]}" --target "$COMMIT" --title "Model $tag" \\',
    '    --notes-file release/notes.md --latest',
    'fi',
    'echo "Released the model as $tag."',
    '',
  ].join('\n');

/**
 * GitHub creates an environment a job names when it does not exist yet, with no protection rule:
 * without this check, the first release would publish unreviewed. GET .../environments/<name>
 * needs `actions: read`; its `protection_rules` list a `required_reviewers` rule and a
 * `wait_timer` rule (with its minutes) when they are set.
 */
const protectionScript = [
  'rules=$(gh api "repos/{owner}/{repo}/environments/$ENVIRONMENT" --jq \\',
  '  \'[.protection_rules[]? | select(.type == "required_reviewers" or (.type == "wait_timer" and .wait_timer > 0)) | .type] | join(", ")\')',
  'if [ -z "$rules" ]; then',
  '  echo "::error::The $ENVIRONMENT environment has no required reviewers and no wait timer, so nothing would stop this release: add one under Settings > Environments > $ENVIRONMENT and re-run this job (a private repository on GitHub Free, Pro or Team cannot: see Releasing the model in the README)."',
  '  exit 1',
  'fi',
  'echo "The $ENVIRONMENT environment is protected by: $rules."',
  '',
].join('\n');

function protectionCheck() {
  return {
    name: `Check that the ${releaseEnvironmentName} environment has a protection rule`,
    shell: 'bash',
    env: {
      GH_TOKEN: '${{ github.token }}',
      GH_REPO: '${{ github.repository }}',
      ENVIRONMENT: releaseEnvironmentName,
    },
    run: protectionScript,
  };
}

function publishJob(model: ProjectModel): Record<string, unknown> {
  const registry = model.modelRegistry;
  const remote = releaseRemote(model.config.data);
  // `dvc add release` writes release.dvc: attached, it names the files on the remote.
  const assets = remote ? [...releaseFiles, 'release.dvc'] : releaseFiles;
  const environment = model.bindEnvironment(releaseEnvironmentName);
  return {
    // With secrets-scope: repo no environment holds reviewers: nobody reviews first.
    name:
      model.config['secrets-scope'] === 'repo'
        ? 'Publish the model'
        : 'Publish the model (after a review)',
    needs: 'build',
    // A manual run publishes from main only; a run on another branch stops after the gates.
    if: "github.ref_type == 'tag' || github.ref == 'refs/heads/main'",
    'runs-on': hostedRunner,
    ...environment,
    'timeout-minutes': 15,
    permissions: {
      ...(environment.environment
        ? { actions: commented('read', "reads the release environment's protection rules") }
        : {}),
      contents: commented('write', 'creates the GitHub release and attaches the model to it'),
      ...remotePermission(remote),
    },
    steps: [
      ...(environment.environment ? [protectionCheck()] : []),
      // Checkout first: it empties the folder, so the downloaded files come after it.
      ...(registry || remote ? pythonSetupSteps(model.config) : []),
      {
        name: 'Download the release files',
        uses: uses('downloadArtifact'),
        with: { name: 'release', path: 'release' },
      },
      ...(registry ? [registryStep(registry)] : []),
      ...(remote ? remotePushSteps(remote, model.settingsPlace(releaseEnvironmentName)) : []),
      {
        name: 'Create the GitHub release',
        shell: 'bash',
        env: {
          GH_TOKEN: '${{ github.token }}',
          GH_REPO: '${{ github.repository }}',
          REF_TYPE: '${{ github.ref_type }}',
          REF_NAME: '${{ github.ref_name }}',
          RUN_NUMBER: '${{ github.run_number }}',
          COMMIT: '${{ github.sha }}',
        },
        run: publishScript(assets),
      },
    ],
  };
}

export function releaseWorkflow(model: ProjectModel): unknown {
  const { launch, teardown } = model.runner;
  return {
    name: 'Release',
    // A tag or a deliberate run: a push to main no longer publishes by itself.
    on: { push: { tags: ['v*'] }, workflow_dispatch: null },
    permissions: {},
    // Releases queue one after another; a newer push never cancels a release under review.
    concurrency: { group: '${{ github.workflow }}-${{ github.ref }}', 'cancel-in-progress': false },
    jobs: {
      ...(launch ? { [launch.id]: launch.build(model) } : {}),
      build: buildJob(model),
      ...(teardown ? { [teardown.id]: teardown.build(model, 'build') } : {}),
      publish: publishJob(model),
    },
  };
}
