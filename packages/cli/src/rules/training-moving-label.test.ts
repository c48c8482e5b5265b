import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, read, turnOff } from '../../test/fixtures.js';
import { isMovingLabel } from './training-moving-label.js';

const train = '.github/workflows/train.yml';
const moved = (job: string, label: string) =>
  `warning [training-moving-label] job "${job}" trains on ${label}, a label GitHub moves to newer images, so a later run may not train the same model; name the image instead (e.g. runs-on: ubuntu-24.04).`;

describe('training-moving-label', () => {
  it('reports training on ubuntu-latest, at the label', async () => {
    const dir = await project();
    edit(dir, train, 'runs-on: ubuntu-24.04', 'runs-on: ubuntu-latest');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'ubuntu-latest')}: ${moved('train', 'ubuntu-latest')}`,
    ]);
  });

  it('reports a moving label in a runs-on list too', async () => {
    const dir = await project();
    edit(dir, train, 'runs-on: ubuntu-24.04', 'runs-on: [macos-latest-xlarge]');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'macos-latest-xlarge')}: ${moved('train', 'macos-latest-xlarge')}`,
    ]);
  });

  it('passes a fresh project: training names ubuntu-24.04, lint and tests follow ubuntu-latest', async () => {
    const dir = await project();
    expect(read(dir, train)).toContain('runs-on: ubuntu-24.04');
    expect(read(dir, '.github/workflows/ci.yml')).toContain('ubuntu-latest');
    expect(await printed(dir)).toEqual([]);
    expect(
      [
        'ubuntu-latest',
        'windows-latest',
        'macos-latest',
        'macos-latest-large',
        'ubuntu-slim',
      ].every(isMovingLabel),
    ).toBe(true);
    expect(['ubuntu-24.04', 'ubuntu-24.04-arm', 'macos-15', 'gpu'].some(isMovingLabel)).toBe(false);
  });

  it('is turned off by rules: {training-moving-label: off}', async () => {
    const dir = await project();
    edit(dir, train, 'runs-on: ubuntu-24.04', 'runs-on: ubuntu-latest');
    turnOff(dir, 'training-moving-label');
    expect(await printed(dir)).toEqual([]);
  });
});
