/**
 * Every version the generator writes, in one typed map: PyPI pins for `requirements*.in` and the
 * commit SHAs of the GitHub Actions used by generated workflows. Nothing resolves "latest" at
 * generation time, so output is reproducible and generation works offline.
 *
 * Action SHAs come from packages/core/reference/action-pins.json (read from each action's own tag).
 * PyPI pins are the newest releases that still support every Python the project offers (3.10-3.13).
 */

export const pypi = {
  'scikit-learn': '1.7.2',
  pydantic: '2.14.3',
  'pydantic-settings': '2.15.0',
  joblib: '1.6.0',
  pytest: '9.2.0',
  ruff: '0.17.6',
  pyyaml: '6.0.3',
  'pre-commit': '4.6.2',
  // In the dev lock for re-locking (the command each lock's header records) and for the editable
  // install: uv builds the project with the uv_build backend it bundles, so no backend is fetched.
  uv: '0.13.9',
  // The MLflow client without the server's dependencies (no SQLAlchemy, Flask, pandas, pyarrow).
  'mlflow-skinny': '3.17.2',
  // The whole of MLflow, for the real tracking server the tests start; same release as the client.
  mlflow: '3.17.2',
  wandb: '0.31.0',
  // DVC, with the extra of each kind of remote; a folder or DagsHub (over HTTP) needs none.
  dvc: '3.67.1',
  'dvc[s3]': '3.67.1',
  'dvc[gs]': '3.67.1',
  'dvc[azure]': '3.67.1',
  'dvc[ssh]': '3.67.1',
  // Released models are saved with skops: loading one runs no code, unlike a pickle.
  skops: '0.16.0',
  // The client of Neptune 3.x; the legacy `neptune` 1.x client speaks only to Neptune 2.x servers.
  'neptune-scale': '0.30.0',
} as const satisfies Record<string, string>;

export type PypiPackage = keyof typeof pypi;

/** The PyPI packages a project requires, each at its pin: core's (`pypi`) or a feature's own. */
export class Requirements {
  readonly #pins = new Map<string, string>();

  constructor(names: Iterable<PypiPackage> = []) {
    for (const name of names) this.add(name);
  }

  /** `name` at core's pin. */
  add(name: PypiPackage): void {
    this.pin(name, pypi[name]);
  }

  /** `name` at a feature's own pin, for a package only that feature uses. */
  pin(name: string, version: string): void {
    const pinned = this.#pins.get(name);
    if (pinned !== undefined && pinned !== version) {
      throw new Error(`${name} is pinned twice: ${pinned} and ${version}.`);
    }
    this.#pins.set(name, version);
  }

  /** `name==version` lines, by name. */
  lines(): string[] {
    return [...this.#pins.keys()].sort().map((name) => `${name}==${this.#pins.get(name)}`);
  }
}

/**
 * New locks resolve as of this instant (uv `--exclude-newer`); re-locking keeps the pins of the
 * committed locks (an index's upload times can move, so the cutoff alone would not).
 */
export const lockExcludeNewer = '2026-11-23T00:00:00Z';

/** The Python versions a lock covers; the lowest is the resolver's floor. */
export const pythonVersions = ['3.10', '3.11', '3.12', '3.13'] as const;
export type PythonVersion = (typeof pythonVersions)[number];

/**
 * Tools the generated workflows install at a pinned version: uv is the release the validators'
 * lock (tests/validators/requirements.txt) pins, and setup-uv fetches exactly it.
 */
export const tools = {
  uv: pypi.uv,
} as const satisfies Record<string, string>;

export interface ActionPin {
  repo: string;
  sha: string;
  tag: string;
}

export const actions = {
  checkout: {
    repo: 'actions/checkout',
    sha: '3d3c42e5aac5ba805825da76410c181273ba90b1',
    tag: 'v7.0.1',
  },
  setupPython: {
    repo: 'actions/setup-python',
    sha: '5fda3b95a4ea91299a34e894583c3862153e4b97',
    tag: 'v7.0.0',
  },
  setupUv: {
    repo: 'astral-sh/setup-uv',
    sha: '20cfd1bf945f4377ade1205e4dbc17946fc9a30d',
    tag: 'v10.0.1',
  },
  uploadArtifact: {
    repo: 'actions/upload-artifact',
    sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
    tag: 'v7.0.0',
  },
  downloadArtifact: {
    repo: 'actions/download-artifact',
    sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c',
    tag: 'v8.0.1',
  },
  createGithubAppToken: {
    repo: 'actions/create-github-app-token',
    sha: '1b10c78c7865c340bc4f6099eb2f838309f1e8c3',
    tag: 'v3.1.1',
  },
  configureAwsCredentials: {
    repo: 'aws-actions/configure-aws-credentials',
    sha: 'e6de054238d6b7531b4efff3b6587d9aade6a06c',
    tag: 'v6.2.3',
  },
  ec2GithubRunner: {
    repo: 'machulav/ec2-github-runner',
    sha: '343a1b2ae682e681c3cec9a235d882da17ff04ef',
    tag: 'v2.6.1',
  },
} as const satisfies Record<string, ActionPin>;

export type ActionName = keyof typeof actions;

/** The `uses:` value of a pinned action: `owner/repo@<sha>`; the tag goes in a comment. */
export function uses(name: ActionName): string {
  const pin = actions[name];
  return `${pin.repo}@${pin.sha}`;
}

/** The version tag of a pinned `uses:` value, for its trailing comment. */
export function tagOf(usesValue: string): string | undefined {
  const [repo, sha] = usesValue.split('@');
  return Object.values(actions).find((pin) => pin.repo === repo && pin.sha === sha)?.tag;
}
