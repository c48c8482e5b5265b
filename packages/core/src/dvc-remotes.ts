/**
 * The kinds of DVC remote: the URL form of each, the package that talks to it, its placeholder
 * URL, the secrets and variables CI reads for it, and the shell lines that hand them to DVC
 * without putting a secret on a command line (W32); and the shape of ml-cicd.yaml's `data` with
 * DVC (`DvcData`).
 */
import type { Data, NamedPattern } from '@ml-cicd/config';
import type { OptionChoice } from './option-types.js';
import type { PypiPackage } from './versions.js';

/** The URL form of each kind of DVC remote; the scheme must match the kind. */
export const dvcRemoteUrls = {
  s3: { pattern: '^s3://[^/\\s]+(/\\S*)?$', meaning: 'an s3://<bucket>/<path> URL' },
  gs: { pattern: '^gs://[^/\\s]+(/\\S*)?$', meaning: 'a gs://<bucket>/<path> URL' },
  azure: { pattern: '^azure://[^/\\s]+(/\\S*)?$', meaning: 'an azure://<container>/<path> URL' },
  ssh: {
    pattern: '^ssh://([^@/\\s]+@)?[^@/\\s]+(/\\S*)?$',
    meaning: 'an ssh://[<user>@]<host>/<path> URL',
  },
  // A folder on this machine or a mounted share: any path without a URL scheme.
  local: {
    pattern: '^(?![A-Za-z][A-Za-z0-9+.-]+://)\\S(.*\\S)?$',
    meaning: 'a folder path (no URL scheme)',
  },
  dagshub: {
    pattern: '^https://dagshub\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\\.dvc$',
    meaning: 'a https://dagshub.com/<owner>/<repo>.dvc URL',
  },
  // Not on DagsHub's host: a DagsHub URL of another form is a mistake, not a public server.
  http: {
    pattern: '^https?://(?!dagshub\\.com(?:[:/]|$))[^/\\s]+(/\\S*)?$',
    meaning: 'an http(s)://<host>/<path> URL on a host other than dagshub.com (the dagshub kind)',
  },
} satisfies Record<string, NamedPattern>;

export type DvcRemoteKind = keyof typeof dvcRemoteUrls;

export const dvcRemoteKinds = Object.keys(dvcRemoteUrls) as DvcRemoteKind[];

/** The kind of remote a URL is, by the URL forms above; undefined for any other (webdav, gdrive…). */
export function dvcRemoteKindOf(url: string): DvcRemoteKind | undefined {
  return dvcRemoteKinds.find((kind) => new RegExp(dvcRemoteUrls[kind].pattern).test(url));
}

/** ml-cicd.yaml's `data` with DVC: the default remote's kind and URL (a type alias, so a `Data`). */
export type DvcData = {
  kind: 'dvc';
  remote: { kind: DvcRemoteKind; url: string };
};

/** The project's `data` when it is DVC's, whose keys the schema's dvc branch holds to `DvcData`. */
export function dvcDataOf(data: Data | undefined): DvcData | undefined {
  return data?.kind === 'dvc' ? (data as DvcData) : undefined;
}

/** The name of the remote in `.dvc/config`; `dvc push` and `dvc pull` use it by default. */
export const remoteName = 'storage';

export interface RemoteKind {
  choice: OptionChoice<DvcRemoteKind>;
  /**
   * What CI does with the remote: nothing (a folder only the user's machine has), pull from it
   * (a server that serves files to anyone and takes none), or pull and push.
   */
  ci: 'none' | 'pull' | 'pull-push';
  /** dvc with the extra that reaches this kind of storage. */
  requirement: PypiPackage;
  placeholder: (project: string) => string;
  /** AWS: credentials by OIDC role, the role's ARN and region as variables (W12). */
  oidc: boolean;
  /** Secrets and variables of a CI job's environment this remote needs: name -> what it is. */
  secrets: Record<string, string>;
  variables: Record<string, string>;
  /** Shell lines that give DVC the credentials from the job's environment variables. */
  setup: string[];
  /** Where to get the credentials, for the README. */
  credentials: string;
}

/** Writes a private key or JSON key from a secret to a file only this user can read. */
const writeSecretFile = (variable: string, file: string) => [
  `umask 077`,
  `printf '%s\\n' "$${variable}" > "$RUNNER_TEMP/${file}"`,
];

/** The variables of the role the DVC jobs assume by OIDC, and of its bucket's region. */
export const dvcRoleVariable = 'DVC_AWS_ROLE_ARN';
export const dvcRegionVariable = 'DVC_AWS_REGION';
/**
 * With `secrets-scope: repo` every job reads the same repository variables, so the read-only
 * role of pull requests needs a name of its own: DVC_AWS_ROLE_ARN is then the role that writes.
 */
export const dvcReadRoleVariable = 'DVC_AWS_READ_ROLE_ARN';

export const remoteKinds: Record<DvcRemoteKind, RemoteKind> = {
  s3: {
    choice: { value: 's3', label: 'Amazon S3', hint: 'credentials by OIDC role, no stored keys' },
    requirement: 'dvc[s3]',
    ci: 'pull-push',
    placeholder: (project) => `s3://my-bucket/${project}`,
    oidc: true,
    secrets: {},
    // Not AWS_ROLE_ARN: the EC2 runner has a role of its own, and both can be repository variables.
    variables: {
      [dvcRoleVariable]:
        'ARN of the IAM role the DVC jobs assume by OIDC to reach the remote’s bucket.',
      [dvcRegionVariable]: 'Region of the DVC remote’s bucket.',
    },
    setup: [],
    credentials: `an IAM role GitHub assumes by OIDC: \`${dvcRoleVariable}\` and \`${dvcRegionVariable}\` are variables of the environment, and no key is stored anywhere. Locally, DVC uses your AWS profile or \`AWS_*\` variables.`,
  },
  gs: {
    choice: { value: 'gs', label: 'Google Cloud Storage', hint: 'a service account key' },
    requirement: 'dvc[gs]',
    ci: 'pull-push',
    placeholder: (project) => `gs://my-bucket/${project}`,
    oidc: false,
    secrets: {
      GCP_SERVICE_ACCOUNT_KEY:
        'JSON key of a service account with access to the DVC remote’s bucket (IAM → Service accounts → Keys).',
    },
    variables: {},
    setup: [
      ...writeSecretFile('GCP_SERVICE_ACCOUNT_KEY', 'gcp-key.json'),
      'export GOOGLE_APPLICATION_CREDENTIALS="$RUNNER_TEMP/gcp-key.json"',
    ],
    credentials:
      'the JSON key of a service account with access to the bucket, in the secret `GCP_SERVICE_ACCOUNT_KEY`. Locally, DVC uses `gcloud auth application-default login` or `GOOGLE_APPLICATION_CREDENTIALS`.',
  },
  azure: {
    choice: { value: 'azure', label: 'Azure Blob Storage', hint: 'a connection string' },
    requirement: 'dvc[azure]',
    ci: 'pull-push',
    placeholder: (project) => `azure://my-container/${project}`,
    oidc: false,
    // DVC reads it from the environment by itself.
    secrets: {
      AZURE_STORAGE_CONNECTION_STRING:
        'Connection string of the storage account holding the DVC remote (Access keys, or a SAS token).',
    },
    variables: {},
    setup: [],
    credentials:
      'a connection string of the storage account (or one with a SAS token), in the secret `AZURE_STORAGE_CONNECTION_STRING`, which DVC reads from the environment locally too.',
  },
  ssh: {
    choice: { value: 'ssh', label: 'SSH server', hint: 'a private key' },
    requirement: 'dvc[ssh]',
    ci: 'pull-push',
    placeholder: (project) => `ssh://dvc@storage.example.com/srv/dvc/${project}`,
    oidc: false,
    secrets: {
      DVC_SSH_PRIVATE_KEY:
        'Private key the DVC remote’s SSH server accepts for the user in its URL.',
    },
    // The server's host key line, so the connection checks whom it talks to.
    variables: {
      DVC_SSH_KNOWN_HOSTS: 'Host key line of the DVC remote’s SSH server: `ssh-keyscan <host>`.',
    },
    setup: [
      ...writeSecretFile('DVC_SSH_PRIVATE_KEY', 'dvc-ssh-key'),
      'mkdir -p ~/.ssh',
      `printf '%s\\n' "$DVC_SSH_KNOWN_HOSTS" >> ~/.ssh/known_hosts`,
      `dvc remote modify --local ${remoteName} keyfile "$RUNNER_TEMP/dvc-ssh-key"`,
    ],
    credentials:
      'a private key the server accepts for the user in the URL, in the secret `DVC_SSH_PRIVATE_KEY`, and the server’s host key line (`ssh-keyscan <host>`) in the variable `DVC_SSH_KNOWN_HOSTS`. Locally, DVC uses your SSH agent and `~/.ssh/config`.',
  },
  local: {
    choice: { value: 'local', label: 'A folder', hint: 'on this machine or a mounted share' },
    requirement: 'dvc',
    ci: 'none',
    placeholder: (project) => `/srv/dvc-storage/${project}`,
    oidc: false,
    secrets: {},
    variables: {},
    setup: [],
    credentials:
      'none: a folder on your machine or a share mounted at the same path. GitHub’s runners cannot reach it, so CI reproduces the pipeline from scratch and pushes nothing.',
  },
  dagshub: {
    choice: { value: 'dagshub', label: 'DagsHub', hint: 'user name and access token' },
    requirement: 'dvc',
    ci: 'pull-push',
    placeholder: (project) => `https://dagshub.com/my-user/${project}.dvc`,
    oidc: false,
    secrets: { DAGSHUB_TOKEN: 'DagsHub access token (User settings → Tokens) for the DVC remote.' },
    variables: { DAGSHUB_USER: 'DagsHub user name the DVC remote is reached as.' },
    // The token goes into the git-ignored config.local through a here-document, never argv.
    setup: [
      'cat > .dvc/config.local <<EOF',
      `['remote "${remoteName}"']`,
      '    auth = basic',
      '    user = $DAGSHUB_USER',
      '    password = $DAGSHUB_TOKEN',
      'EOF',
    ],
    credentials:
      'your DagsHub user name in the variable `DAGSHUB_USER` and an access token in the secret `DAGSHUB_TOKEN`. Locally, `dvc remote modify --local storage auth basic`, then `user` and `password` the same way: they stay in the git-ignored `.dvc/config.local`.',
  },
  http: {
    choice: {
      value: 'http',
      label: 'HTTP(S) server, read-only',
      hint: 'public files: CI pulls them, nothing is pushed',
    },
    requirement: 'dvc',
    ci: 'pull',
    placeholder: (project) => `https://data.example.com/dvc/${project}`,
    oidc: false,
    secrets: {},
    variables: {},
    setup: [],
    credentials:
      'no credentials: the server serves its files to anyone and takes no uploads. DVC pulls from it, locally and in CI; new data reaches the server by the server’s own means, and CI makes again what it lacks.',
  },
};

/** Whether CI pulls from the remote: every kind but a local folder. */
export function pullsInCi(kind: DvcRemoteKind): boolean {
  return remoteKinds[kind].ci !== 'none';
}

/** Whether CI pushes to the remote (and so has jobs and environments that write). */
export function pushesInCi(kind: DvcRemoteKind): boolean {
  return remoteKinds[kind].ci === 'pull-push';
}

/** Whether reaching the remote takes credentials: by OIDC, or from secrets and variables. */
export function needsCredentials(kind: DvcRemoteKind): boolean {
  const { oidc, secrets, variables } = remoteKinds[kind];
  return oidc || Object.keys({ ...secrets, ...variables }).length > 0;
}

/**
 * The names of the secrets and of the variables the remote needs; `roleVariable` names the role
 * of an OIDC remote (the read-only one of `secrets-scope: repo` has its own).
 */
export function remoteSettings(
  kind: DvcRemoteKind,
  roleVariable: string = dvcRoleVariable,
): { secrets: string[]; variables: string[] } {
  const { secrets, variables } = remoteKinds[kind];
  const named = (name: string) => (name === dvcRoleVariable ? roleVariable : name);
  return { secrets: Object.keys(secrets), variables: Object.keys(variables).map(named) };
}
