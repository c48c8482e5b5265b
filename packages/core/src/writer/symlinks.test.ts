import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { planActions, writePlan } from './index.js';
import { plan, snapshot, useSandbox } from './test-support.js';

const sandbox = useSandbox();

/** A repository and, beside it, a folder of the user's that must never be touched. */
async function repoBesideOutside() {
  const root = await sandbox();
  const repo = path.join(root, 'repo');
  const outside = path.join(root, 'outside');
  await mkdir(repo);
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.txt'), 'AWS_SECRET_ACCESS_KEY=do-not-print\n');
  return { root, repo, outside };
}

describe('writePlan and symbolic links', () => {
  it.each([
    ['add', { mode: 'into-existing' as const }],
    ['create --force', { force: true }],
  ])('%s refuses a folder link that leaves the target, and writes nothing', async (_, options) => {
    const { root, repo, outside } = await repoBesideOutside();
    await writeFile(path.join(repo, 'train.py'), 'print(1)\n');
    await symlink(outside, path.join(repo, '.github'));
    const before = await snapshot(root);

    const written = writePlan(plan({ '.github/workflows/train.yml': 'on: push\n' }), repo, options);
    await expect(written).rejects.toThrow(UserError);
    await expect(written).rejects.toThrow(
      `.github is a symbolic link to ${outside}, outside ${repo}`,
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('--dry-run refuses a file link that leaves the target and prints none of its content', async () => {
    const { repo, outside } = await repoBesideOutside();
    await symlink(path.join(outside, 'secret.txt'), path.join(repo, 'README.md'));

    const dryRun = writePlan(plan({ 'README.md': '# demo\n' }), repo, {
      mode: 'into-existing',
      dryRun: true,
    });
    await expect(dryRun).rejects.toThrow(UserError);
    await expect(dryRun).rejects.not.toThrow(/do-not-print/);
    await expect(planActions(plan({ 'README.md': '# demo\n' }), repo)).rejects.toThrow(
      'README.md is a symbolic link',
    );
  });

  it('refuses a dangling link, whose end it cannot check', async () => {
    const { repo, outside } = await repoBesideOutside();
    await symlink(path.join(outside, 'gone'), path.join(repo, 'src'));
    await expect(
      writePlan(plan({ 'src/a.py': 'x = 1\n' }), repo, { mode: 'into-existing' }),
    ).rejects.toThrow('src is a symbolic link');
  });

  it('writes through a link that stays inside the target', async () => {
    const { repo } = await repoBesideOutside();
    await mkdir(path.join(repo, 'config'));
    await symlink(path.join(repo, 'config'), path.join(repo, 'settings'));
    await writePlan(plan({ 'settings/a.yaml': 'a: 1\n' }), repo, { mode: 'into-existing' });
    expect(await readFile(path.join(repo, 'config', 'a.yaml'), 'utf8')).toBe('a: 1\n');
  });
});
