import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const action = '.github/actions/train/action.yml';
const path =
  "        path: |\n          ${{ inputs.output-dir }}\n          ${{ inputs.metrics-file || format('{0}/metrics.json', inputs.output-dir) }}\n";

describe('artifact-paths', () => {
  it('reports uploading the whole workspace', async () => {
    const dir = await project();
    edit(dir, action, path, '        path: .\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, action, '.\n        if-no-files-found')}: error [artifact-paths] upload-artifact path "." uploads the whole workspace, with .git and any .env; upload only the folder the job writes (e.g. outputs).`,
    ]);
  });

  it('reports a .env among several paths, on its own line', async () => {
    const dir = await project();
    edit(
      dir,
      action,
      path,
      '        path: |\n          outputs\n          !outputs/tmp\n          .env\n',
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, action, '.env')}: error [artifact-paths] upload-artifact path ".env" uploads a .env file of secrets; upload only the folder the job writes (e.g. outputs).`,
    ]);
  });

  it('reports .git and the github.workspace folder', async () => {
    const dir = await project();
    edit(
      dir,
      action,
      path,
      '        path: |\n          ${{ github.workspace }}\n          src/.git\n',
    );
    const [workspace, git] = [
      at(dir, action, '${{ github.workspace }}'),
      at(dir, action, 'src/.git'),
    ];
    expect(await printed(dir)).toEqual([
      `${workspace}: error [artifact-paths] upload-artifact path "\${{ github.workspace }}" uploads the whole workspace, with .git and any .env; upload only the folder the job writes (e.g. outputs).`,
      `${git}: error [artifact-paths] upload-artifact path "src/.git" uploads .git, with the checkout token when it was kept; upload only the folder the job writes (e.g. outputs).`,
    ]);
  });

  it('is turned off by rules: {artifact-paths: off}', async () => {
    const dir = await project();
    edit(dir, action, path, '        path: .\n');
    turnOff(dir, 'artifact-paths');
    expect(await printed(dir)).toEqual([]);
  });
});
