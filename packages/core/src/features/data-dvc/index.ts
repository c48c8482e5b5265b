/**
 * Data and models versioned with DVC: a prepare → train → evaluate pipeline whose parameters are
 * made from ml-cicd.yaml, a default remote, CI that checks dvc.lock, and pushes from main.
 */
import type { Answers } from '../../answers.js';
import { answerOf, defineOption, patternProblem } from '../../option-types.js';
import { defineFeature } from '../types.js';
import {
  dvcCheckJob,
  dvcPushJob,
  readEnvironment,
  readRoleVariable,
  writeEnvironment,
} from './ci-jobs.js';
import {
  dvcConfig,
  dvcGitignore,
  dvcYaml,
  dvcYamlComment,
  paramsYaml,
  paramsYamlComment,
} from './dvc-files.js';
import { githubOidcTrustPolicy, policyFile } from '../../aws-iam.js';
import { dvcPermissionsPolicy, dvcSubjects } from './iam.js';
import { dvcReadme } from './readme.js';
import {
  dvcReadRoleVariable,
  dvcRemoteKinds,
  dvcRemoteUrls,
  needsCredentials,
  pushesInCi,
  remoteKinds,
  remoteSettings,
  type DvcData,
} from '../../dvc-remotes.js';
import { dvcSchema } from './schema.js';
import { addScriptPipeline, dvcWorkflowPath } from './script-pipeline.js';

const remoteOption = defineOption({
  key: 'dvcRemote',
  kind: 'choice',
  flag: 'dvc-remote',
  message: 'Where should DVC keep data and models?',
  help: 'kind of the DVC remote',
  choices: dvcRemoteKinds.map((kind) => remoteKinds[kind].choice),
  default: 's3',
});

const remoteUrlOption = defineOption({
  key: 'dvcRemoteUrl',
  kind: 'text',
  flag: 'dvc-remote-url',
  message: 'URL of the DVC remote (empty: a placeholder to replace later)',
  help: 'URL of the DVC remote, its scheme matching --dvc-remote; unset: a placeholder to replace',
  form: 'a URL whose scheme matches --dvc-remote, or a folder path for local',
  // Empty: the README's placeholder, replaced later with `dvc remote modify`.
  default: '',
  problem: (url: string) =>
    /\s$|^\s/.test(url) ? 'must not start or end with a space' : undefined,
});

/** Whether the DVC jobs of these answers push: not to a folder, nor to a read-only server. */
export function dvcJobsPush(answers: Answers): boolean {
  return pushesInCi(answerOf(answers, remoteOption));
}

export const dataDvc = defineFeature({
  id: 'data-dvc',
  title: 'DVC',
  description: 'data and models versioned with DVC: a dvc.yaml pipeline and a remote',
  choice: { option: 'data', value: 'dvc' },
  schemaBranch: dvcSchema,
  options: [remoteOption, remoteUrlOption],
  problem(answers) {
    const url = answerOf(answers, remoteUrlOption);
    if (!url) return undefined;
    const kind = answerOf(answers, remoteOption);
    const problem = patternProblem(dvcRemoteUrls[kind])(url);
    return problem && `--dvc-remote-url: "${url}" ${problem} for --dvc-remote ${kind}.`;
  },
  add: {
    dvc: {
      files: () => [dvcWorkflowPath, 'dvc.yaml', 'params.yaml', '.dvc/config', '.dvc/.gitignore'],
      help: `dvc.yaml (one train stage running the script with the values of params.yaml), params.yaml, .dvc/config (unless the repository has one) and ${dvcWorkflowPath}: dvc repro checked against dvc.lock on every pull request, data and models pushed from main through the "data" environment (not to a read-only http remote)`,
    },
  },
  contribute(model, { answers, selected, templates }) {
    model.gitignore.push({ comment: 'What `dvc plots show` renders', lines: ['/dvc_plots/'] });
    const kind = answerOf(answers, remoteOption);
    const remote = remoteKinds[kind];
    const givenUrl = answerOf(answers, remoteUrlOption);
    const url = givenUrl || remote.placeholder(model.config.project.name);
    const data: DvcData = { kind: 'dvc', remote: { kind, url } };
    model.config.data = data;

    for (const [path, content] of templates.feature('data-dvc')) model.addFile(path, content);
    model.addFile('.dvc/config', dvcConfig(data));
    model.addFile('.dvc/.gitignore', dvcGitignore);
    if (model.script) {
      addScriptPipeline(model, model.script);
    } else {
      model.addYaml('dvc.yaml', { build: dvcYaml, comment: dvcYamlComment });
      model.ciJobs.set('dvc', (built) => dvcCheckJob(built, kind));
      if (pushesInCi(kind)) model.ciJobs.set('dvc-push', (built) => dvcPushJob(built, kind));
    }
    model.addYaml('params.yaml', { build: paramsYaml, comment: paramsYamlComment });
    model.requirements.add(remote.requirement);

    if (needsCredentials(kind)) {
      const purposes = {
        [readEnvironment]:
          'Read-only credentials of the DVC remote, for CI on pull requests: no reviewers.',
        [writeEnvironment]:
          'Credentials that write to the DVC remote, for pushes from main: allow only main.',
      };
      const readRole = readRoleVariable(model);
      for (const [name, description] of Object.entries(purposes)) {
        const { secrets, variables } = remoteSettings(
          kind,
          name === readEnvironment ? readRole : undefined,
        );
        model.config.environments[name] = { description, secrets, variables };
        for (const variable of variables) model.configVariables.add(variable);
      }
      for (const [name, about] of Object.entries({ ...remote.secrets, ...remote.variables })) {
        model.settingDocs.set(name, about);
      }
      if (readRole === dvcReadRoleVariable) {
        model.settingDocs.set(
          readRole,
          'ARN of the read-only IAM role pull requests assume by OIDC to read the remote’s bucket.',
        );
      }
      if (remote.oidc) {
        const subjects = dvcSubjects(model, selected.has('release'));
        const files = {
          'infra/aws/dvc-read-trust-policy.json': githubOidcTrustPolicy(
            'ReadOnlyJobs',
            subjects.read,
          ),
          'infra/aws/dvc-read-permissions-policy.json': dvcPermissionsPolicy(url, false),
          'infra/aws/dvc-write-trust-policy.json': githubOidcTrustPolicy(
            'WritingJobs',
            subjects.write,
          ),
          'infra/aws/dvc-write-permissions-policy.json': dvcPermissionsPolicy(url, true),
        };
        for (const [path, document] of Object.entries(files))
          model.addFile(path, policyFile(document));
      }
    }
    model.readme.push(dvcReadme(kind, !givenUrl));
  },
});
