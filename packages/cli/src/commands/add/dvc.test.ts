import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dvcRequirementWarning } from './dvc.js';

const requirementsIn = 'scikit-learn==1.7.2\ndvc[s3]==3.67.1\n';

describe('dvcRequirementWarning', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-cicd-dvc-'));
  mkdirSync(join(dir, 'src'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the requirements file the workflows install, and its .in', () => {
    writeFileSync(join(dir, 'src/requirements.txt'), 'pandas==2.3.3 \\\n    --hash=sha256:00\n');
    expect(dvcRequirementWarning(dir, requirementsIn, 'src/requirements.txt')).toBe(
      'warning: src/requirements.txt has no dvc, and the DVC workflow runs dvc from it; add dvc[s3]==3.67.1 to src/requirements.in, then run: uv pip compile --universal --generate-hashes --python-version 3.10 src/requirements.in -o src/requirements.txt',
    );
  });

  it('is quiet when that file pins dvc, whatever the root requirements.txt holds', () => {
    writeFileSync(join(dir, 'src/requirements.txt'), 'dvc[s3]==3.67.1 \\\n    --hash=sha256:00\n');
    expect(dvcRequirementWarning(dir, requirementsIn, 'src/requirements.txt')).toBeUndefined();
  });

  it('reads requirements.txt when ml-cicd.yaml names none', () => {
    expect(dvcRequirementWarning(dir, requirementsIn)).toMatch(
      /^warning: requirements\.txt has no dvc, .* add dvc\[s3\]==3\.67\.1 to requirements\.in,/,
    );
  });
});
