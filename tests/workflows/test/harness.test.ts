import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actions, tools } from '@ml-cicd/core';
import { describe, expect, it } from 'vitest';
import { job, runAct, tail } from '../src/act.js';
import { pushEvent } from '../src/events.js';
import { committedProject } from '../src/project.js';
import { suite } from '../src/suite.js';

// What the harness itself guarantees, shown on a two-step workflow rather than assumed.
const workflow = `name: Probe
on: push
jobs:
  probe:
    name: Probe
    runs-on: ubuntu-latest
    steps:
      - name: Write to /tmp by name
        shell: bash
        run: echo stray > /tmp/stray-file && echo "TMPDIR=$TMPDIR HOME=$HOME"
      - name: Install outside a virtual environment
        shell: bash
        run: /usr/bin/python3 -m pip install --user six
`;

const checkout = `actions/checkout@${actions.checkout.sha}`;
const checkoutWorkflow = `name: Checkout
on: push
jobs:
  checkout:
    name: Checkout
    runs-on: ubuntu-latest
    steps:
      - name: Shallow, without credentials
        uses: ${checkout}
        with:
          persist-credentials: false
      - name: Look at the shallow checkout
        shell: bash
        run: |
          echo "commits=$(git rev-list --count HEAD)"
          echo "header=$(git config --get-regexp 'extraheader' >/dev/null && echo present || echo absent)"
          echo "uncommitted=$(test -e uncommitted.txt && echo seen || echo unseen)"
      - name: Full history of main, with credentials
        uses: ${checkout}
        with:
          path: full
          ref: main
          fetch-depth: 0
      - name: Look at the full checkout
        shell: bash
        working-directory: full
        run: |
          echo "commits=$(git rev-list --count HEAD) branch=$(git branch --show-current)"
          echo "header=$(git config --get-regexp 'extraheader' >/dev/null && echo present || echo absent)"
`;

const setupUv = `astral-sh/setup-uv@${actions.setupUv.sha}`;
const uvWorkflow = `name: uv
on: push
jobs:
  uv:
    name: uv
    runs-on: ubuntu-latest
    steps:
      - name: A uv version the stand-in does not provide
        uses: ${setupUv}
        continue-on-error: true
        with:
          version: 0.0.1
          enable-cache: false
      - name: enable-cache left at auto
        uses: ${setupUv}
        continue-on-error: true
        with:
          version: ${tools.uv}
      - name: uv without a cache
        uses: ${setupUv}
        with:
          version: ${tools.uv}
          enable-cache: false
      - name: Look at uv
        shell: bash
        run: echo "$(uv --version) cache=$UV_CACHE_DIR"
`;

describe('the harness', () => {
  it('checks out only committed files, and honours fetch-depth, ref, path and persist-credentials', async () => {
    const root = join(suite().root, 'harness-checkout');
    const project = await committedProject(root, 'harness-checkout', 'checkout', async (dir) => {
      mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
      writeFileSync(join(dir, '.github', 'workflows', 'checkout.yml'), checkoutWorkflow);
    });
    const sha = await project.commit('A second commit', (dir) =>
      writeFileSync(join(dir, 'second.txt'), '2\n'),
    );
    writeFileSync(join(project.dir, 'uncommitted.txt'), 'not in git\n');
    const result = await runAct(suite(), {
      project,
      workflow: 'checkout.yml',
      event: 'push',
      payload: pushEvent(project, sha),
      runId: 802,
    });
    const steps = job(result, 'Checkout').steps;
    const output = (name: string) => steps.find((step) => step.name === name)?.output ?? '';
    expect(output('Look at the shallow checkout'), tail(result.log)).toMatch(
      /commits=1\s*header=absent\s*uncommitted=unseen/,
    );
    expect(output('Look at the full checkout')).toMatch(/commits=2 branch=main\s*header=present/);
  });

  it('gives uv at the pinned version only, and says whether it caches', async () => {
    const root = join(suite().root, 'harness-uv');
    const project = await committedProject(root, 'harness-uv', 'uv', async (dir) => {
      mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
      writeFileSync(join(dir, '.github', 'workflows', 'uv.yml'), uvWorkflow);
    });
    const result = await runAct(suite(), {
      project,
      workflow: 'uv.yml',
      event: 'push',
      payload: pushEvent(project, await project.head()),
      runId: 803,
    });
    const steps = job(result, 'uv').steps;
    const step = (name: string) => steps.find((each) => each.name === name);
    expect(step('A uv version the stand-in does not provide')?.result, tail(result.log)).toBe(
      'failure',
    );
    expect(result.log).toContain(
      `version: 0.0.1 is not the uv the stand-in provides (${tools.uv}); it downloads none.`,
    );
    expect(step('enable-cache left at auto')?.result).toBe('failure');
    expect(result.log).toContain('enable-cache: auto is not emulated; set true or false.');
    expect(step('uv without a cache')?.result).toBe('success');
    expect(step('Look at uv')?.output).toMatch(
      new RegExp(
        `uv ${tools.uv.replaceAll('.', '\\.')} .*cache=${suite().root}/run-803-\\S*/setup-uv/cache`,
      ),
    );
  });

  it('gives each run its own /tmp and refuses pip installs outside a venv', async () => {
    const root = join(suite().root, 'harness-probe');
    const project = await committedProject(root, 'harness-probe', 'probe', async (dir) => {
      mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
      writeFileSync(join(dir, '.github', 'workflows', 'probe.yml'), workflow);
    });
    const result = await runAct(suite(), {
      project,
      workflow: 'probe.yml',
      event: 'push',
      payload: pushEvent(project, await project.head()),
      runId: 801,
    });
    const probe = job(result, 'Probe');
    expect(
      probe.steps.find((step) => step.name === 'Write to /tmp by name')?.result,
      tail(result.log),
    ).toBe('success');
    expect(result.strayTmp).toEqual(['stray-file']);
    expect(probe.steps.find((step) => step.name === 'Write to /tmp by name')?.output).toContain(
      `HOME=${suite().root}`,
    );
    const install = probe.steps.find(
      (step) => step.name === 'Install outside a virtual environment',
    );
    expect(install?.result).toBe('failure');
    expect(install?.output).toMatch(/Could not find an activated virtualenv \(required\)/);
  });
});
