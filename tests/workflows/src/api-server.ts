/**
 * A recording stand-in of GitHub's REST API on 127.0.0.1, for what the generated workflows call:
 * issue and pull request comments (the report's sticky comment), the Actions artifact listing and
 * download (the report's baseline, read from the suite's artifact store), releases and their
 * assets, issues and labels, and pull requests (the `gh` stand-in). Every request is recorded;
 * tests read the record and the state through /_harness/. Anything else answers 404 and is
 * recorded as unhandled. A pull request is opened by whoever the token is: GITHUB_TOKEN is
 * github-actions[bot]; a token the create-github-app-token stand-in made (found in the cloud
 * ledger by its digest, until its revocation) is its App's bot; any other token is refused.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { storedArtifacts } from './artifact-store.js';
import { zipFolder } from './zip.js';

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON, or the byte count of a binary body. */
  body: unknown;
  authorized: boolean;
  status: number;
}

export interface Comment {
  id: number;
  user: { login: string };
  issue: number;
  body: string;
  html_url: string;
  created_at: string;
  updated_at: string;
}

export interface Asset {
  id: number;
  name: string;
  size: number;
  content: string;
}

export interface Release {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string;
  body: string;
  html_url: string;
  make_latest: boolean;
  assets: Asset[];
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: { name: string }[];
  html_url: string;
  /** Who opened it: the workflow token's App, as GitHub records it. */
  user: { login: string };
}

export interface Pull {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  /** Who opened it: the token's identity. */
  user: { login: string };
  head: { ref: string; repo: { full_name: string } };
  base: { ref: string; repo: { full_name: string } };
  html_url: string;
  /** How many times it was edited after it was opened. */
  edits: number;
}

/** A workflow run, registered by the harness before act starts it. */
export interface WorkflowRun {
  id: number;
  event: string;
  head_branch: string;
  head_sha: string;
  /** The workflow file, e.g. .github/workflows/report.yml. */
  path: string;
}

export interface RepoState {
  comments: Comment[];
  releases: Release[];
  issues: Issue[];
  labels: { name: string; color?: string; description?: string }[];
  /** Protection rules by environment name; GitHub makes an environment without any on first use. */
  environments: Record<string, { type: string; wait_timer?: number }[]>;
  runs: WorkflowRun[];
  pulls: Pull[];
}

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

const SERVER = 'https://github.com';
/** Who GITHUB_TOKEN acts as: every token of these runs is one. */
const BOT = 'github-actions[bot]';
/** The only repository id: runs of the repository itself, never of a fork. */
const REPOSITORY_ID = 1;
/** The slug the create-github-app-token stand-in gives its App. */
export const APP_SLUG = 'ml-cicd-stand-in';

/**
 * Who a token acts as: GITHUB_TOKEN (ghs_standin<run id>) is github-actions[bot]; an App token is
 * its App's bot while the ledger has it made and not revoked; anything else is no one.
 */
function identity(authorization: string | undefined, ledger: string | undefined) {
  const token = /^(?:token|bearer) (\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  if (/^ghs_standin\d+$/.test(token)) return BOT;
  if (!ledger || !existsSync(ledger)) return undefined;
  const digest = createHash('sha256').update(token).digest('hex').slice(0, 16);
  const entries = readFileSync(ledger, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { kind: string; tokenDigest?: string })
    .filter((entry) => entry.tokenDigest === digest);
  const made = entries.some((entry) => entry.kind === 'app-token');
  const revoked = entries.some((entry) => entry.kind === 'app-token-revoked');
  return made && !revoked ? `${APP_SLUG}[bot]` : undefined;
}

class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}
const notFound = () => new Answer(404, { message: 'Not Found' });

/** `ledger`: the cloud ledger, where the App token stand-in writes the tokens it made. */
export function startApiServer(store: string, ledger?: string): Promise<ApiServer> {
  const recording: RecordedCall[] = [];
  const repos = new Map<string, RepoState>();
  let nextId = 5000;
  const state = (repo: string) => {
    if (!repos.has(repo))
      repos.set(repo, {
        comments: [],
        releases: [],
        issues: [],
        labels: [],
        environments: {},
        runs: [],
        pulls: [],
      });
    return repos.get(repo)!;
  };
  const now = () => new Date().toISOString();
  /** Assets are listed without their content, as GitHub does. */
  const shown = (release: Release) => ({
    ...release,
    assets: release.assets.map(({ content: _content, ...asset }) => asset),
  });

  type Route = [
    string,
    RegExp,
    (match: string[], query: URLSearchParams, body: Buffer, user: string | undefined) => Answer,
  ];
  const badCredentials = () => new Answer(401, { message: 'Bad credentials' });
  const json = (body: Buffer) =>
    JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
  const routes: Route[] = [
    [
      'GET',
      /^\/repos\/([^/]+\/[^/]+)\/environments\/([^/]+)$/,
      ([repo, name]) => {
        const environment = decodeURIComponent(name!);
        const rules = state(repo!).environments[environment] ?? [];
        return new Answer(200, { name: environment, protection_rules: rules });
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/,
      ([repo, number]) =>
        new Answer(
          200,
          state(repo!).comments.filter((c) => c.issue === Number(number)),
        ),
    ],
    [
      'POST',
      /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/,
      ([repo, number], _q, body) => {
        const id = nextId++;
        const comment: Comment = {
          id,
          user: { login: BOT },
          issue: Number(number),
          body: String(json(body).body ?? ''),
          html_url: `${SERVER}/${repo}/pull/${number}#issuecomment-${id}`,
          created_at: now(),
          updated_at: now(),
        };
        state(repo!).comments.push(comment);
        return new Answer(201, comment);
      },
    ],
    [
      'PATCH',
      /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/,
      ([repo, id], _q, body) => {
        const comment = state(repo!).comments.find((c) => c.id === Number(id));
        if (!comment) return notFound();
        comment.body = String(json(body).body ?? '');
        comment.updated_at = now();
        return new Answer(200, comment);
      },
    ],
    [
      'POST',
      /^\/graphql$/,
      (_m, _q, body) => {
        const query = String(json(body).query ?? '')
          .replace(/\s+/g, ' ')
          .trim();
        if (query === 'query { viewer { login } }')
          return new Answer(200, { data: { viewer: { login: BOT } } });
        return new Answer(200, {
          errors: [
            { message: `the stand-in API answers no GraphQL query but viewer's login: ${query}` },
          ],
        });
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+\/[^/]+)\/actions\/runs\/(\d+)$/,
      ([repo, id]) => {
        const run = state(repo!).runs.find((each) => each.id === Number(id));
        if (!run) return notFound();
        const workflowId =
          [...new Set(state(repo!).runs.map((each) => each.path))].indexOf(run.path) + 1;
        return new Answer(200, {
          ...run,
          workflow_id: workflowId,
          repository: { id: REPOSITORY_ID, full_name: repo },
          head_repository: { id: REPOSITORY_ID, full_name: repo },
        });
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+\/[^/]+)\/actions\/artifacts$/,
      ([repo], query) => {
        const artifacts = storedArtifacts(store)
          .filter(
            (a) => a.repository === repo && (!query.get('name') || a.name === query.get('name')),
          )
          .map((a) => ({
            id: a.id,
            name: a.name,
            size_in_bytes: 0,
            expired: false,
            created_at: a.createdAt,
            archive_download_url: `/repos/${repo}/actions/artifacts/${a.id}/zip`,
            workflow_run: {
              id: a.runId,
              head_branch: a.headBranch,
              head_sha: a.headSha,
              repository_id: REPOSITORY_ID,
              head_repository_id: REPOSITORY_ID,
            },
          }));
        return new Answer(200, { total_count: artifacts.length, artifacts });
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+\/[^/]+)\/actions\/artifacts\/(\d+)\/zip$/,
      ([repo, id]) => {
        const found = storedArtifacts(store).find(
          (a) => a.repository === repo && a.id === Number(id),
        );
        // GitHub redirects to its storage, which needs no token.
        return found
          ? new Answer(302, '', { location: `/_storage/artifacts/${id}.zip` })
          : notFound();
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+\/[^/]+)\/releases\/latest$/,
      ([repo]) => {
        const latest =
          state(repo!)
            .releases.filter((r) => r.make_latest)
            .at(-1) ?? state(repo!).releases.at(-1);
        return latest ? new Answer(200, shown(latest)) : notFound();
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+\/[^/]+)\/releases\/tags\/([^/]+)$/,
      ([repo, tag]) => {
        const found = state(repo!).releases.find((r) => r.tag_name === decodeURIComponent(tag!));
        return found ? new Answer(200, shown(found)) : notFound();
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+\/[^/]+)\/releases$/,
      ([repo], _q, body) => {
        const fields = json(body);
        const tag = String(fields.tag_name ?? '');
        if (!tag || state(repo!).releases.some((r) => r.tag_name === tag)) {
          return new Answer(422, {
            message: 'Validation Failed',
            errors: [{ field: 'tag_name', code: 'already_exists' }],
          });
        }
        const release: Release = {
          id: nextId++,
          tag_name: tag,
          target_commitish: String(fields.target_commitish ?? ''),
          name: String(fields.name ?? tag),
          body: String(fields.body ?? ''),
          html_url: `${SERVER}/${repo}/releases/tag/${tag}`,
          make_latest: fields.make_latest !== 'false',
          assets: [],
        };
        state(repo!).releases.push(release);
        return new Answer(201, shown(release));
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+\/[^/]+)\/releases\/(\d+)\/assets$/,
      ([repo, id], query, body) => {
        const release = state(repo!).releases.find((r) => r.id === Number(id));
        const name = query.get('name');
        if (!release || !name) return notFound();
        if (release.assets.some((a) => a.name === name)) {
          return new Answer(422, {
            message: 'Validation Failed',
            errors: [{ field: 'name', code: 'already_exists' }],
          });
        }
        const asset = { id: nextId++, name, size: body.length, content: body.toString('base64') };
        release.assets.push(asset);
        return new Answer(201, { id: asset.id, name, size: asset.size });
      },
    ],
    [
      'DELETE',
      /^\/repos\/([^/]+\/[^/]+)\/releases\/assets\/(\d+)$/,
      ([repo, id]) => {
        for (const release of state(repo!).releases) {
          release.assets = release.assets.filter((a) => a.id !== Number(id));
        }
        return new Answer(204, '');
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+\/[^/]+)\/releases\/assets\/(\d+)$/,
      ([repo, id]) => {
        const asset = state(repo!)
          .releases.flatMap((r) => r.assets)
          .find((a) => a.id === Number(id));
        return asset ? new Answer(200, Buffer.from(asset.content, 'base64')) : notFound();
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+\/[^/]+)\/issues$/,
      ([repo], query) => {
        const wanted = query.get('labels')?.split(',').filter(Boolean) ?? [];
        const stateWanted = query.get('state') ?? 'open';
        const issues = state(repo!)
          .issues.filter((i) => stateWanted === 'all' || i.state === stateWanted)
          .filter((i) => wanted.every((name) => i.labels.some((l) => l.name === name)))
          .reverse();
        return new Answer(200, issues);
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+\/[^/]+)\/issues$/,
      ([repo], _q, body) => {
        const fields = json(body);
        const number = 1000 + state(repo!).issues.length;
        const issue: Issue = {
          number,
          title: String(fields.title ?? ''),
          body: String(fields.body ?? ''),
          state: 'open',
          labels: ((fields.labels as string[] | undefined) ?? []).map((name) => ({ name })),
          html_url: `${SERVER}/${repo}/issues/${number}`,
          user: { login: BOT },
        };
        state(repo!).issues.push(issue);
        return new Answer(201, issue);
      },
    ],
    [
      'PATCH',
      /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)$/,
      ([repo, number], _q, body) => {
        const issue = state(repo!).issues.find((i) => i.number === Number(number));
        if (!issue) return notFound();
        Object.assign(issue, json(body));
        return new Answer(200, issue);
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+\/[^/]+)\/pulls$/,
      ([repo], query) => {
        const wanted = query.get('state') ?? 'open';
        const head = query.get('head');
        const pulls = state(repo!)
          .pulls.filter((p) => wanted === 'all' || p.state === wanted)
          .filter((p) => !head || `${p.head.repo.full_name.split('/')[0]}:${p.head.ref}` === head)
          .reverse();
        return new Answer(200, pulls);
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+\/[^/]+)\/pulls$/,
      ([repo], _q, body, user) => {
        if (!user) return badCredentials();
        const fields = json(body);
        const head = String(fields.head ?? '');
        const [headOwner, headRef] = head.includes(':')
          ? head.split(':')
          : [repo!.split('/')[0]!, head];
        const headRepo = `${headOwner}/${repo!.split('/')[1]}`;
        const taken = state(repo!).pulls.some(
          (p) => p.state === 'open' && p.head.ref === headRef && p.head.repo.full_name === headRepo,
        );
        if (!headRef || taken) {
          return new Answer(422, {
            message: 'Validation Failed',
            errors: [{ message: `A pull request already exists for ${headOwner}:${headRef}.` }],
          });
        }
        // Numbers of their own, apart from the issues': no test mixes the two.
        const number = 2000 + state(repo!).pulls.length;
        const pull: Pull = {
          number,
          title: String(fields.title ?? ''),
          body: String(fields.body ?? ''),
          state: 'open',
          user: { login: user },
          head: { ref: headRef!, repo: { full_name: headRepo } },
          base: { ref: String(fields.base ?? 'main'), repo: { full_name: repo! } },
          html_url: `${SERVER}/${repo}/pull/${number}`,
          edits: 0,
        };
        state(repo!).pulls.push(pull);
        return new Answer(201, pull);
      },
    ],
    [
      'PATCH',
      /^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/,
      ([repo, number], _q, body, user) => {
        if (!user) return badCredentials();
        const pull = state(repo!).pulls.find((p) => p.number === Number(number));
        if (!pull) return notFound();
        const { title, body: text, state: wanted } = json(body);
        if (typeof title === 'string') pull.title = title;
        if (typeof text === 'string') pull.body = text;
        if (wanted === 'open' || wanted === 'closed') pull.state = wanted;
        pull.edits += 1;
        return new Answer(200, pull);
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+\/[^/]+)\/labels$/,
      ([repo], _q, body) => {
        const fields = json(body) as RepoState['labels'][number];
        if (state(repo!).labels.some((l) => l.name === fields.name)) {
          return new Answer(422, {
            message: 'Validation Failed',
            errors: [{ code: 'already_exists' }],
          });
        }
        state(repo!).labels.push(fields);
        return new Answer(201, fields);
      },
    ],
    [
      'PATCH',
      /^\/repos\/([^/]+\/[^/]+)\/labels\/([^/]+)$/,
      ([repo, name], _q, body) => {
        const label = state(repo!).labels.find((l) => l.name === decodeURIComponent(name!));
        if (!label) return notFound();
        Object.assign(label, json(body));
        return new Answer(200, label);
      },
    ],
  ];

  function harness(path: string, query: URLSearchParams, body: Buffer): Answer | undefined {
    if (path === '/_harness/recording') return new Answer(200, recording);
    if (path === '/_harness/run') {
      state(query.get('repo') ?? '').runs.push(json(body) as unknown as WorkflowRun);
      return new Answer(200, {});
    }
    if (path === '/_harness/environment') {
      const rules = json(body).protection_rules as RepoState['environments'][string];
      state(query.get('repo') ?? '').environments[query.get('name') ?? ''] = rules;
      return new Answer(200, {});
    }
    if (path === '/_harness/state') return new Answer(200, state(query.get('repo') ?? ''));
    if (path === '/_harness/pull') {
      const pulls = state(query.get('repo') ?? '').pulls;
      const pull = { number: 2000 + pulls.length, edits: 0, ...json(body) } as unknown as Pull;
      pulls.push(pull);
      return new Answer(200, pull);
    }
    const zip = /^\/_storage\/artifacts\/(\d+)\.zip$/.exec(path);
    if (zip) {
      const found = storedArtifacts(store).find((a) => a.id === Number(zip[1]));
      return found ? new Answer(200, zipFolder(found.dir)) : notFound();
    }
    return undefined;
  }

  function answer(request: IncomingMessage, body: Buffer): Answer {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const own = harness(url.pathname, url.searchParams, body);
    if (own) return own;
    const call: RecordedCall = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: /json/.test(request.headers['content-type'] ?? '') ? json(body) : body.length,
      authorized: /^(token|bearer) \S+/i.test(request.headers.authorization ?? ''),
      status: 0,
    };
    recording.push(call);
    let result: Answer = new Answer(404, {
      message: `Not Found (the stand-in API has no ${call.method} ${call.path})`,
    });
    if (!call.authorized) result = new Answer(401, { message: 'Requires authentication' });
    else {
      for (const [method, pattern, handle] of routes) {
        const match = pattern.exec(url.pathname);
        if (method === call.method && match) {
          const user = identity(request.headers.authorization, ledger);
          result = handle(match.slice(1), url.searchParams, body, user);
          break;
        }
      }
    }
    call.status = result.status;
    return result;
  }

  function respond(response: ServerResponse, result: Answer) {
    const binary = Buffer.isBuffer(result.body);
    const payload = binary
      ? (result.body as Buffer)
      : Buffer.from(result.body === '' ? '' : JSON.stringify(result.body));
    response.writeHead(result.status, {
      'content-type': binary ? 'application/octet-stream' : 'application/json; charset=utf-8',
      'content-length': payload.length,
      // No idle keep-alive sockets: they would hold a test worker open after its last call.
      connection: 'close',
      ...result.headers,
    });
    response.end(payload);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        respond(response, answer(request, Buffer.concat(chunks)));
      } catch (error) {
        respond(response, new Answer(500, { message: (error as Error).message }));
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
