import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff, write } from '../../test/fixtures.js';

const rule = 'error [dataset-file]';

function useDataset(dir: string, path: string) {
  edit(dir, 'ml-cicd.yaml', 'python: "3.12"\n', `python: "3.12"\ndataset:\n  path: ${path}\n`);
}

describe('dataset-file', () => {
  it('passes a project on the bundled data, and one whose data file is committed', async () => {
    const dir = await project();
    expect(await printed(dir)).toEqual([]);
    write(dir, 'data/train.csv', 'x,target\n1,0\n');
    useDataset(dir, 'data/train.csv');
    expect(await printed(dir)).toEqual([]);
  });

  it('reports a data file the repository does not have, at its path, saying how to add it', async () => {
    const dir = await project();
    useDataset(dir, 'data/train.csv');
    expect(await printed(dir)).toEqual([
      `${at(dir, 'ml-cicd.yaml', 'data/train.csv')}: ${rule} dataset.path is data/train.csv, which is not in the repository, so every workflow would fail to load it; commit the file (or track it with DVC: dvc add data/train.csv, then commit data/train.csv.dvc), or correct the path.`,
    ]);
  });

  it('takes a file DVC tracks, and asks for ml-cicd sync until the pipeline depends on it', async () => {
    const dir = await project('dvc');
    write(dir, 'data/train.csv.dvc', 'outs:\n- md5: 0\n  path: train.csv\n');
    useDataset(dir, 'data/train.csv');
    expect(await printed(dir)).toEqual([
      `${at(dir, 'ml-cicd.yaml', 'data/train.csv')}: ${rule} dataset.path data/train.csv is not a dependency of any stage of dvc.yaml, so dvc repro would not rerun when the data changes; run ml-cicd sync to write it there.`,
    ]);
    edit(dir, 'dvc.yaml', '/data.py\n', '/data.py\n      - data/train.csv\n');
    expect(await printed(dir)).toEqual([]);
  });

  it('can be turned off', async () => {
    const dir = await project();
    useDataset(dir, 'data/missing.csv');
    turnOff(dir, 'dataset-file');
    expect(await printed(dir)).toEqual([]);
  });
});
