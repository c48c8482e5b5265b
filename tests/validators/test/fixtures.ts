import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Pins from packages/core/reference/action-pins.json.
const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';
const SETUP_PYTHON = 'actions/setup-python@5fda3b95a4ea91299a34e894583c3862153e4b97 # v7.0.0';

const ci = `name: CI
on:
  pull_request:
  push:
    branches: [main]
permissions: {}
concurrency:
  group: \${{ github.workflow }}-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: true
jobs:
  checks:
    name: Checks
    permissions:
      contents: read
    uses: ./.github/workflows/checks.yml
    with:
      python-version: '3.12'
  greet:
    name: Greet
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions: {}
    steps:
      - name: Print the pull request title
        shell: bash
        env:
          TITLE: \${{ github.event.pull_request.title }}
        run: echo "Pull request -- $TITLE"
`;

const checks = `name: Checks
on:
  workflow_call:
    inputs:
      python-version:
        description: Python version to test with.
        type: string
        required: true
permissions: {}
jobs:
  test:
    name: Test
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      contents: read
    steps:
      - name: Check out
        uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - name: Set up Python
        uses: ${SETUP_PYTHON}
        with:
          python-version: \${{ inputs.python-version }}
      - name: Install
        uses: ./.github/actions/install
      - name: Test
        shell: bash
        run: python -m pytest
`;

const train = `name: Train
on:
  workflow_dispatch:
    inputs:
      max-depth:
        description: Maximum depth of the tree.
        type: number
        default: 3
      criterion:
        description: Split quality measure.
        type: choice
        options: [gini, entropy]
        default: gini
permissions: {}
concurrency:
  group: \${{ github.workflow }}-\${{ github.ref }}
  cancel-in-progress: false
jobs:
  train:
    name: Train
    runs-on: ubuntu-latest
    timeout-minutes: 60
    environment: training
    permissions:
      contents: read
    steps:
      - name: Check out
        uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - name: Set up Python
        uses: ${SETUP_PYTHON}
        with:
          python-version: '3.12'
      - name: Install
        uses: ./.github/actions/install
      - name: Train
        shell: bash
        env:
          MAX_DEPTH: \${{ inputs.max-depth }}
          CRITERION: \${{ inputs.criterion }}
          TRACKER_TOKEN: \${{ secrets.TRACKER_TOKEN }}
        run: python train.py --max-depth "$MAX_DEPTH" --criterion "$CRITERION"
`;

const install = `name: Install
description: Install the locked requirements.
runs:
  using: composite
  steps:
    - name: Install requirements
      shell: bash
      run: python -m pip install --require-hashes -r requirements.txt
`;

const dependabot = `version: 2
updates:
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
    cooldown:
      default-days: 7
  - package-ecosystem: pip
    directory: /
    schedule:
      interval: weekly
    cooldown:
      default-days: 7
`;

const zizmor = `rules:
  self-repository:
    # zizmor suggests \`uses: $/...\` for local workflows and actions, which actionlint 1.7.12 rejects.
    disable: true
`;

/** A small project whose workflows every validator accepts, path -> content. */
export const cleanProject: Readonly<Record<string, string>> = {
  '.github/workflows/ci.yml': ci,
  '.github/workflows/checks.yml': checks,
  '.github/workflows/train.yml': train,
  '.github/actions/install/action.yml': install,
  '.github/dependabot.yml': dependabot,
  '.github/zizmor.yml': zizmor,
};

const written: string[] = [];

/** Writes the files into a new directory outside the repo; `removeProjects` deletes them all. */
export async function writeProject(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'validators-'));
  written.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

export async function removeProjects(): Promise<void> {
  await Promise.all(written.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
