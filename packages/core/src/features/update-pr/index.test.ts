import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

const path = '.github/workflows/update-check.yml';

describe('--update-check pr', () => {
  const project = buildProject(
    resolveAnswers({ name: 'my-project', updateCheck: 'pr' }, 'my-project'),
    repoAssets,
  );
  const text = project.files.get(path)!;
  const workflow = parse(text);

  it('runs ml-cicd only in jobs that can read, and writes only with the App token of an environment', () => {
    expect(workflow.permissions).toEqual({});
    for (const job of ['check', 'update', 'pull-request']) {
      expect(workflow.jobs[job].permissions).toEqual({ contents: 'read' });
    }
    expect(workflow.jobs.update.environment).toBeUndefined();
    expect(workflow.jobs.update.steps[1].run).toContain('npx --yes "ml-cicd@$LATEST" update');
    const pullRequest = workflow.jobs['pull-request'];
    expect(pullRequest.environment).toBe('template-update');
    // It names the command in the pull request's text, but runs nothing from the registry.
    expect(JSON.stringify(pullRequest.steps)).not.toContain('npx --yes');
    expect(pullRequest.steps[0].with).toEqual({
      'app-id': '${{ vars.UPDATE_APP_ID }}',
      'private-key': '${{ secrets.UPDATE_APP_PRIVATE_KEY }}',
      'permission-contents': 'write',
      'permission-pull-requests': 'write',
      'permission-workflows': 'write',
    });
  });

  it('passes the version on only as x.y.z, and the token to git only through the environment', () => {
    expect(workflow.jobs.check.steps[1].run).toContain(
      'if ! [[ "$latest" =~ ^[0-9]+\\.[0-9]+\\.[0-9]+$ ]]; then',
    );
    const push = workflow.jobs['pull-request'].steps[3];
    expect(push.env.GH_TOKEN).toBe('${{ steps.app.outputs.token }}');
    expect(push.run).not.toContain('${{');
    expect(push.run).toContain('echo \\"password=\\$GH_TOKEN\\"');
  });

  it('declares the environment, its variable and secret, and explains the App in the README', () => {
    expect(project.files.get('ml-cicd.yaml')).toContain(
      '  template-update:\n    description: "The GitHub App that opens the template update pull request: allow only the default branch."\n    secrets:\n      - UPDATE_APP_PRIVATE_KEY\n    variables:\n      - UPDATE_APP_ID\n',
    );
    expect(project.files.get('README.md')).toContain('GitHub App of your own');
    expect(project.manifest.features).toContain('update-pr');
    expect(project.manifest.features).not.toContain('update-check');
  });
});
