import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff, write } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';
const conflict = (ours: string, theirs: string) =>
  `<<<<<<< before updating\n${ours}=======\n${theirs}>>>>>>> after updating\n`;

describe('conflict-markers', () => {
  it('reports an unresolved conflict in a workflow, with the YAML error it causes', async () => {
    const dir = await project();
    edit(
      dir,
      train,
      '    timeout-minutes: 60\n',
      conflict('    timeout-minutes: 60\n', '    timeout-minutes: 90\n'),
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, '<<<<<<<')}: error [conflict-markers] ${train} has an unresolved merge conflict here; keep the lines you want, then delete the <<<<<<<, ======= and >>>>>>> lines.`,
      `${at(dir, train, '<<<<<<<')}: error [yaml] invalid YAML: implicit keys need to be on a single line.`,
    ]);
  });

  it('reports a conflict in ml-cicd.yaml', async () => {
    const dir = await project();
    edit(
      dir,
      'ml-cicd.yaml',
      '  timeout-minutes: 60\n',
      conflict('  timeout-minutes: 60\n', '  timeout-minutes: 90\n'),
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, 'ml-cicd.yaml', '<<<<<<<')}: error [conflict-markers] ml-cicd.yaml has an unresolved merge conflict here; keep the lines you want, then delete the <<<<<<<, ======= and >>>>>>> lines.`,
      `${at(dir, 'ml-cicd.yaml', '<<<<<<<')}: error [yaml] invalid YAML: implicit keys need to be on a single line.`,
    ]);
  });

  it('reports a *.rej file left by a merge', async () => {
    const dir = await project();
    write(dir, '.github/workflows/train.yml.rej', '@@ -1 +1 @@\n-a\n+b\n');
    expect(await printed(dir)).toEqual([
      '.github/workflows/train.yml.rej:1:1: error [conflict-markers] .github/workflows/train.yml.rej is a change a merge could not apply; apply it to .github/workflows/train.yml by hand, then delete it.',
    ]);
  });

  it('ignores *.rej files inside a virtual environment', async () => {
    const dir = await project();
    write(dir, 'venv/pyvenv.cfg', 'home = /usr/bin\n');
    write(dir, 'venv/lib/patch.rej', '');
    expect(await printed(dir)).toEqual([]);
  });

  it('is turned off by rules: {conflict-markers: off}', async () => {
    const dir = await project();
    write(dir, 'ml-cicd.yaml.rej', '');
    turnOff(dir, 'conflict-markers');
    expect(await printed(dir)).toEqual([]);
  });
});
