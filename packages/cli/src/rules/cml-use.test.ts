import { describe, expect, it } from 'vitest';
import { at, printed, project, turnOff, write } from '../../test/fixtures.js';

const ec2 =
  'start an on-demand runner with ml-cicd add workflow ec2 (machulav/ec2-github-runner, stopped after each run)';
const report =
  "post the report with ml-cicd add workflow report (the report action's sticky comment)";

const workflow = '.github/workflows/cml.yml';
const teamWorkflow = `name: CML
on: workflow_dispatch
permissions: {}
jobs:
  launch:
    runs-on: ubuntu-24.04
    timeout-minutes: 10
    steps:
      # - uses: iterative/setup-cml@v1 (the old way)
      - uses: iterative/setup-cml@f12ea7685438c1fc438d50f77519b3860cf5fa98 # v2.0.1
      - run: |
          npm i -g @dvcorg/cml
          cml runner launch --cloud=aws --labels=cml-gpu
  report:
    runs-on: ubuntu-24.04
    container: docker://iterativeai/cml:0-dvc2-base1
    timeout-minutes: 10
    steps:
      - run: cml comment create report.md
`;

const cmlFindings = async (dir: string) =>
  (await printed(dir)).filter((line) => line.includes('[cml-use]'));

describe('cml-use', () => {
  it('reports each CML use of a team’s workflow, at the use, with what replaces it', async () => {
    const dir = await project();
    write(dir, workflow, teamWorkflow);
    const finding = (needle: string, text: string) =>
      `${at(dir, workflow, needle, needle === 'iterative/setup-cml' ? 1 : 0)}: warning [cml-use] ${workflow} ${text}`;
    expect(await cmlFindings(dir)).toEqual([
      finding(
        'iterative/setup-cml',
        `sets up CML with iterative/setup-cml, which still declares node16; ${ec2}, and ${report}.`,
      ),
      finding(
        '@dvcorg/cml',
        `installs CML with npm (@dvcorg/cml, no release since v0.20.6); ${ec2}, and ${report}.`,
      ),
      finding(
        'cml runner',
        `launches a runner with cml runner launch, broken since 2024 (its images and Terraform install fail); ${ec2}.`,
      ),
      finding(
        'iterativeai/cml',
        `runs in the CML container iterativeai/cml, which ships the unmaintained CML; run on a GitHub-hosted runner with actions/setup-python, or ${ec2}.`,
      ),
      finding('cml comment', `posts a comment with cml comment create; ${report}.`),
    ]);
  });

  it('reports npm install --global, cml send-comment and the dvcorg/cml-py3 container in a script', async () => {
    const dir = await project();
    const script = 'scripts/report.sh';
    write(
      dir,
      script,
      '#!/bin/sh\nnpm install --global @dvcorg/cml\ndocker run dvcorg/cml-py3 true\ncml send-comment report.md\n',
    );
    const lead = `warning [cml-use] ${script} `;
    const texts = (await cmlFindings(dir)).map((line) =>
      line.slice(line.indexOf(lead) + lead.length),
    );
    expect(texts).toEqual([
      `installs CML with npm (@dvcorg/cml, no release since v0.20.6); ${ec2}, and ${report}.`,
      `runs in the CML container dvcorg/cml-py3, which ships the unmaintained CML; run on a GitHub-hosted runner with actions/setup-python, or ${ec2}.`,
      `posts a comment with cml send-comment; ${report}.`,
    ]);
  });

  it('has nothing to say about a generated project, on any runner', async () => {
    expect(await cmlFindings(await project())).toEqual([]);
    expect(await cmlFindings(await project('self-hosted'))).toEqual([]);
  });

  it('is turned off by rules: {cml-use: off}', async () => {
    const dir = await project();
    write(dir, workflow, teamWorkflow);
    turnOff(dir, 'cml-use');
    expect(await cmlFindings(dir)).toEqual([]);
  });
});
