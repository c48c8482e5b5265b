/**
 * A local stand-in for the GitHub REST API's issue comments, on 127.0.0.1 at a random port: it
 * records every request and answers as GitHub does (pagination by Link header, 201 on create).
 */
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  authorization?: string;
  body?: { body?: string };
}

/** A request to the storage, with every header it carried. */
export interface StorageRequest extends Recorded {
  headers: string[];
}

export interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface FakeArtifact {
  id: number;
  name: string;
  expired: boolean;
  created_at: string;
  workflow_run: {
    id: number;
    head_branch: string;
    repository_id: number;
    head_repository_id: number;
  };
}

export interface FakeRun {
  id: number;
  event: string;
  head_branch: string;
  workflow_id: number;
  repository: { id: number };
  head_repository: { id: number };
}

/** A run of the report's own workflow (77) started by a push to main of this repository. */
export const pushRun = (id: number, more: Partial<FakeRun> = {}): FakeRun => ({
  id,
  event: 'push',
  head_branch: 'main',
  workflow_id: 77,
  repository: { id: 1 },
  head_repository: { id: 1 },
  ...more,
});

/** Where GitHub's artifact download redirects to: another origin, which must never see the token. */
export interface FakeStorage {
  url: string;
  requests: StorageRequest[];
}

export interface FakeGitHub {
  url: string;
  requests: Recorded[];
  comments: Comment[];
  artifacts: FakeArtifact[];
  /** Workflow runs by id; the report's own run (16345678901) is a pull_request run of workflow 77. */
  runs: Map<number, FakeRun>;
  /** The zip of each artifact, by id. */
  zips: Map<number, Buffer>;
  storage: FakeStorage;
  /** Who the token acts as: what GraphQL's `viewer` answers, and the author of what it creates. */
  login: string;
  /** Adds a comment already on the pull request, written by someone else unless named. */
  addComment: (body: string, login?: string) => Comment;
  /** Answer every request with this status: 403 as for a read-only token, or a server error. */
  failWith?: 403 | 500;
  close: () => Promise<void>;
}

const PER_PAGE_MAX = 100;
const LIST = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/;
const ONE = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/;
const GRAPHQL = '/graphql';
const ARTIFACTS = /^\/repos\/[^/]+\/[^/]+\/actions\/artifacts$/;
const RUN = /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)$/;
const ARTIFACT_ZIP = /^\/repos\/[^/]+\/[^/]+\/actions\/artifacts\/(\d+)\/zip$/;

async function readBody(request: IncomingMessage): Promise<Recorded['body']> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Recorded['body']) : undefined;
}

export async function startFakeGitHub(existing: string[] = []): Promise<FakeGitHub> {
  let nextId = 1000;
  const comment = (body: string, login = 'github-actions[bot]'): Comment => ({
    id: nextId++,
    body,
    user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
  });
  const fake: FakeGitHub = {
    url: '',
    requests: [],
    comments: existing.map((body) => comment(body, 'octocat')),
    login: 'github-actions[bot]',
    addComment: (body, login = 'octocat') => {
      const added = comment(body, login);
      fake.comments.push(added);
      return added;
    },
    artifacts: [],
    runs: new Map([
      [
        16345678901,
        {
          id: 16345678901,
          event: 'pull_request',
          head_branch: 'deeper-trees',
          workflow_id: 77,
          repository: { id: 1 },
          head_repository: { id: 1 },
        },
      ],
    ]),
    zips: new Map(),
    storage: { url: '', requests: [] },
    close: async () => {
      await new Promise((done) => server.close(() => done(undefined)));
      await new Promise((done) => storage.close(() => done(undefined)));
    },
  };

  const json = (response: ServerResponse, status: number, data: unknown, headers = {}) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(data));
  };
  const view = ({ id, body, user }: Comment) => ({
    id,
    body,
    user,
    html_url: `https://github.com/acme/churn-model/pull/7#issuecomment-${id}`,
  });

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', fake.url);
    const body = await readBody(request);
    fake.requests.push({
      method: request.method ?? '',
      path: `${url.pathname}${url.search}`,
      authorization: request.headers.authorization,
      body,
    });
    if (fake.failWith) {
      const message =
        fake.failWith === 403 ? 'Resource not accessible by integration' : 'Server Error';
      return json(response, fake.failWith, {
        message,
        documentation_url: 'https://docs.github.com/rest/issues/comments',
        status: String(fake.failWith),
      });
    }
    if (request.method === 'POST' && url.pathname === GRAPHQL) {
      const query = (body as { query?: string } | undefined)?.query ?? '';
      if (!/^query\s*\{\s*viewer\s*\{\s*login\s*\}\s*\}$/.test(query.trim())) {
        return json(response, 200, { errors: [{ message: `The fake answers only viewer.login` }] });
      }
      return json(response, 200, { data: { viewer: { login: fake.login } } });
    }
    if (request.method === 'GET' && ARTIFACTS.test(url.pathname)) {
      const named = fake.artifacts.filter((a) => a.name === url.searchParams.get('name'));
      return json(response, 200, { total_count: named.length, artifacts: named });
    }
    const run = fake.runs.get(Number(RUN.exec(url.pathname)?.[1]));
    if (request.method === 'GET' && run) return json(response, 200, run);
    const zip = ARTIFACT_ZIP.exec(url.pathname);
    if (request.method === 'GET' && zip) {
      response.writeHead(302, { location: `${fake.storage.url}/blobs/${zip[1]}?sig=signed` });
      return response.end();
    }
    if (request.method === 'GET' && LIST.test(url.pathname)) {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), PER_PAGE_MAX);
      const page = Number(url.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(fake.comments.length / perPage));
      const link = (n: number, rel: string) =>
        `<${fake.url}${url.pathname}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
      const headers =
        page < last ? { link: `${link(page + 1, 'next')}, ${link(last, 'last')}` } : {};
      const slice = fake.comments.slice((page - 1) * perPage, page * perPage);
      return json(response, 200, slice.map(view), headers);
    }
    if (request.method === 'POST' && LIST.test(url.pathname) && body?.body) {
      const created = comment(body.body, fake.login);
      fake.comments.push(created);
      return json(response, 201, view(created));
    }
    const one = ONE.exec(url.pathname);
    const target = fake.comments.find((c) => c.id === Number(one?.[3]));
    if (request.method === 'PATCH' && target && body?.body) {
      target.body = body.body;
      return json(response, 200, view(target));
    }
    json(response, 404, { message: 'Not Found', status: '404' });
  });

  const storage = createServer((request, response) => {
    const url = new URL(request.url ?? '/', fake.storage.url);
    fake.storage.requests.push({
      method: request.method ?? '',
      path: url.pathname,
      authorization: request.headers.authorization,
      headers: request.rawHeaders,
    });
    const zip = fake.zips.get(Number(/^\/blobs\/(\d+)$/.exec(url.pathname)?.[1]));
    if (!zip) return json(response, 404, { message: 'BlobNotFound' });
    response.writeHead(200, { 'content-type': 'application/zip' });
    response.end(zip);
  });

  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  await new Promise<void>((ready) => storage.listen(0, '127.0.0.2', ready));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Another loopback address: another origin, as GitHub's storage is to its API.
  fake.storage.url = `http://127.0.0.2:${(storage.address() as AddressInfo).port}`;
  return fake;
}

/** An artifact's zip as upload-artifact streams it (data descriptors), made by Python's zipfile. */
export function artifactZip(files: Record<string, string>): Buffer {
  const script = [
    'import json, sys, zipfile',
    'with zipfile.ZipFile(sys.stdout.buffer, "w", zipfile.ZIP_DEFLATED) as archive:',
    '    for name, text in json.loads(sys.argv[1]).items():',
    '        archive.writestr(name, text)',
  ].join('\n');
  return execFileSync('python3', ['-c', script, JSON.stringify(files)]);
}
