import { describe, expect, it } from 'vitest';
import { breakExample, exampleYaml, printed, subjectOf } from '../../test/example.js';
import { credentialNames } from './credential-names.js';

const training =
  'training: {description: Secrets and variables of the training job., secrets: [], variables: []}';
const declaring = (secrets: string, variables: string) =>
  breakExample(
    training,
    `training: {description: Secrets and variables of the training job., secrets: [${secrets}], variables: [${variables}]}`,
  );

describe('credential-names', () => {
  it('passes the example and names of the project’s own', () => {
    expect(credentialNames.check(subjectOf(exampleYaml))).toEqual([]);
    const own = declaring(
      'DAGSHUB_TOKEN, RUNNER_APP_PRIVATE_KEY',
      'DAGSHUB_USER, MLFLOW_TRACKING_URI',
    );
    expect(printed(own)).toEqual([]);
  });

  it("reports the platform's and the user's credentials, and a secret declared as a variable", () => {
    const text = declaring(
      'GH_ENTERPRISE_TOKEN, AWS_SECRET_ACCESS_KEY',
      'GH_TOKEN, ACTIONS_RUNTIME_TOKEN, HF_TOKEN, RUNNER_TEMP',
    );
    const lines = printed(text);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(
      /^ml-cicd\.yaml:\d+:\d+: environments\.training\.secrets\[0\] GH_ENTERPRISE_TOKEN is the platform's or your own credential .*; declare a name of this project's own, e\.g\. MY_ENTERPRISE_TOKEN, for a credential made for it\.$/,
    );
    expect(lines[2]).toContain('environments.training.variables[0] GH_TOKEN is the platform');
    expect(lines[5]).toContain('environments.training.variables[3] RUNNER_TEMP is the platform');
    expect(lines[4]).toMatch(
      /environments\.training\.variables\[2\] HF_TOKEN names a secret, but variables are stored and shown in plain text; list it under secrets\.$/,
    );
  });
});
