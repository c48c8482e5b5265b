import { actions } from '@ml-cicd/core';
import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';
const { sha, tag } = actions.checkout;
const pinned = `actions/checkout@${sha} # ${tag}`;

describe('workflow-pinned-actions', () => {
  it('reports an action pinned to a tag, suggesting the SHA from the pin table', async () => {
    const dir = await project();
    edit(dir, train, pinned, 'actions/checkout@v4');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'actions/checkout@v4')}: error [workflow-pinned-actions] actions/checkout is pinned to "v4", which can move; pin it to a full commit SHA with its version in a comment (actions/checkout@${sha} # ${tag}).`,
    ]);
  });

  it('reports an unknown action pinned to a branch, with a placeholder', async () => {
    const dir = await project();
    edit(dir, train, pinned, 'octo-org/setup-thing@main');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'octo-org/setup-thing@main')}: error [workflow-pinned-actions] octo-org/setup-thing is pinned to "main", which can move; pin it to a full commit SHA with its version in a comment (octo-org/setup-thing@<40-character SHA> # vX.Y.Z).`,
    ]);
  });

  it('reports a SHA without a version comment', async () => {
    const dir = await project();
    edit(dir, train, pinned, `actions/checkout@${sha}`);
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'actions/checkout@')}: error [workflow-pinned-actions] actions/checkout@${sha.slice(0, 12)}… has no version comment; add "# ${tag}" after it so readers and Dependabot see the version.`,
    ]);
  });

  it('reports a comment that names another version than the SHA is', async () => {
    const dir = await project();
    edit(dir, train, pinned, `actions/checkout@${sha} # v6.0.0`);
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'actions/checkout@')}: error [workflow-pinned-actions] the comment says v6.0.0, but ${sha.slice(0, 12)}… is ${tag} of actions/checkout; write "# ${tag}".`,
    ]);
  });

  it('reports a SHA that is not the one of the version in the comment', async () => {
    const dir = await project();
    const other = 'a'.repeat(40);
    edit(dir, train, pinned, `actions/checkout@${other} # ${tag}`);
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'actions/checkout@')}: error [workflow-pinned-actions] actions/checkout ${tag} is ${sha}, not ${other}; pin the SHA of ${tag} or correct the comment.`,
    ]);
  });

  it('checks the steps of local actions too', async () => {
    const dir = await project();
    const action = '.github/actions/train/action.yml';
    edit(dir, action, `${actions.uploadArtifact.sha} # ${actions.uploadArtifact.tag}`, 'v7');
    expect(await printed(dir)).toEqual([
      `${at(dir, action, 'actions/upload-artifact@v7')}: error [workflow-pinned-actions] actions/upload-artifact is pinned to "v7", which can move; pin it to a full commit SHA with its version in a comment (actions/upload-artifact@${actions.uploadArtifact.sha} # ${actions.uploadArtifact.tag}).`,
    ]);
  });

  it('is turned off by rules: {workflow-pinned-actions: off}', async () => {
    const dir = await project();
    edit(dir, train, pinned, 'actions/checkout@v4');
    turnOff(dir, 'workflow-pinned-actions');
    expect(await printed(dir)).toEqual([]);
  });
});
