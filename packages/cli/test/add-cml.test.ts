/** `ml-cicd add workflow` in a repository that still runs CML: it offers what replaces each use. */
import { describe, expect, it } from 'vitest';
import { add, read, tempDir, write } from './fixtures.js';
import { lockedRequirements, moduleLevel } from './scripts.js';

const cmlWorkflow = `name: CML
on: pull_request
permissions: {}
jobs:
  launch:
    runs-on: ubuntu-24.04
    timeout-minutes: 10
    steps:
      - uses: iterative/setup-cml@f12ea7685438c1fc438d50f77519b3860cf5fa98 # v2.0.1
      - run: cml runner launch --cloud=aws --labels=cml-gpu
  report:
    runs-on: [self-hosted, cml-gpu]
    timeout-minutes: 60
    steps:
      - run: cml comment create report.md
`;

describe('ml-cicd add workflow in a repository that runs CML', () => {
  it('names the kinds that replace its runner and its comment, and leaves its workflow as it is', async () => {
    const dir = tempDir();
    write(dir, 'train.py', moduleLevel);
    write(dir, 'requirements.txt', lockedRequirements);
    write(dir, '.github/workflows/cml.yml', cmlWorkflow);
    const { code, out } = await add(dir, 'workflow', 'ec2');
    expect(code).toBe(0);
    expect(out).toContain(
      'note: .github/workflows/cml.yml still runs CML (it sets up CML with iterative/setup-cml, which still declares node16; it launches a runner with cml runner launch, broken since 2024 (its images and Terraform install fail); it posts a comment with cml comment create): ml-cicd add workflow ec2 replaces its runner, ml-cicd add workflow report replaces its comment; add leaves that workflow as it is, so delete it once the new one works (docs/guide/cml-parity.md).\n',
    );
    expect(read(dir, '.github/workflows/cml.yml')).toBe(cmlWorkflow);
    expect(read(dir, '.github/workflows/train.yml')).toContain('uses: machulav/ec2-github-runner@');
  });

  it('says nothing of CML where no workflow runs it', async () => {
    const dir = tempDir();
    write(dir, 'train.py', moduleLevel);
    write(dir, 'requirements.txt', lockedRequirements);
    write(dir, '.github/workflows/ci.yml', 'name: CI\non: push\njobs: {}\n');
    expect((await add(dir, 'workflow', 'train')).out).not.toContain('CML');
  });
});
