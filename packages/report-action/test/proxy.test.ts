/**
 * The bundled action behind a proxy. Octokit calls Node's own fetch, which reads HTTPS_PROXY,
 * HTTP_PROXY and NO_PROXY when the step starts with NODE_USE_ENV_PROXY=1 (Node 24.0 and 22.21 on),
 * or when the action hands them to http.setGlobalProxyFromEnv (Node 24.14 on). Each case runs on
 * the Node that can; the tests run the action with the Node that runs them.
 */
import { once } from 'node:events';
import * as http from 'node:http';
import { createServer, request as forward } from 'node:http';
import { readFileSync } from 'node:fs';
import { connect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { artifactZip, pushRun, startFakeGitHub, type FakeGitHub } from './fake-github.ts';
import { runAction } from './run-action.ts';

const TOKEN = 'ghs_proxyTokenThatMustStayWithTheApi';
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const nodeReadsProxyVariables = major >= 24 || (major === 22 && minor >= 21);
const nodeSetsProxyAtRunTime = 'setGlobalProxyFromEnv' in http;

/** A forward proxy on 127.0.0.1 that records the host:port of every request it passes on. */
async function startProxy() {
  const targets: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/');
    targets.push(url.host);
    const upstream = forward(
      url,
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    request.pipe(upstream);
  });
  server.on('connect', (request, client, head) => {
    const url = new URL(`http://${request.url}`);
    targets.push(url.host);
    const upstream = connect(Number(url.port), url.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
  });
  // Tunnels outlive closeAllConnections, so every socket is ended by hand.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => sockets.add(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    for (const socket of sockets) socket.destroy();
    server.close();
  };
  return { url, targets, close };
}

/** A URL where nothing listens: a port just given up. */
async function nothingListening(): Promise<string> {
  const server = createTcpServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}`;
}

let github: FakeGitHub;
beforeEach(async () => {
  github = await startFakeGitHub();
  github.artifacts.push({
    id: 6,
    name: 'model-baseline',
    expired: false,
    created_at: '2026-08-17T10:00:00Z',
    workflow_run: { id: 60, head_branch: 'main', repository_id: 1, head_repository_id: 1 },
  });
  github.runs.set(60, pushRun(60));
  github.zips.set(6, artifactZip({ 'metrics.json': fixture('baseline.json') }));
});
afterEach(() => github.close());

/** A pull request run that downloads the baseline artifact and writes the sticky comment. */
function run(env: Record<string, string>) {
  return runAction({
    event: { name: 'pull_request', payload: JSON.parse(fixture('pull-request-event.json')) },
    files: { 'metrics.json': fixture('metrics.json') },
    env,
    inputs: {
      metrics: 'metrics.json',
      'baseline-artifact': 'model-baseline',
      baseline: 'metrics.json',
      'comment-mode': 'sticky',
      'github-token': TOKEN,
      'api-url': github.url,
    },
  });
}

const calls = () => github.requests.map((r) => `${r.method} ${r.path}`);
const allCalls = [
  'GET /repos/acme/churn-model/actions/artifacts?name=model-baseline&per_page=100',
  'GET /repos/acme/churn-model/actions/runs/16345678901',
  'GET /repos/acme/churn-model/actions/runs/60',
  'GET /repos/acme/churn-model/actions/artifacts/6/zip',
  'POST /graphql',
  'GET /repos/acme/churn-model/issues/7/comments?per_page=100',
  'POST /repos/acme/churn-model/issues/7/comments',
];

/** Runs with HTTP_PROXY, NO_PROXY naming the storage: the API's calls alone go through the proxy. */
async function expectThroughProxy(env: Record<string, string>) {
  const proxy = await startProxy();
  try {
    const storage = new URL(github.storage.url);
    const result = await run({ ...env, HTTP_PROXY: proxy.url, NO_PROXY: storage.hostname });
    expect(result.code).toBe(0);
    expect(calls()).toEqual(allCalls);
    expect(github.storage.requests).toHaveLength(1);
    expect(proxy.targets.length).toBeGreaterThan(0);
    expect(new Set(proxy.targets)).toEqual(new Set([new URL(github.url).host]));
    expect(proxy.targets).not.toContain(storage.host);
    expect(result.stdout).not.toContain('NODE_USE_ENV_PROXY');
  } finally {
    proxy.close();
  }
}

describe('behind a proxy', () => {
  it.skipIf(!nodeSetsProxyAtRunTime)(
    'sends the calls through HTTP_PROXY but for the NO_PROXY hosts, with no NODE_USE_ENV_PROXY, and says nothing',
    () => expectThroughProxy({}),
  );

  it.skipIf(!nodeReadsProxyVariables)(
    'with NODE_USE_ENV_PROXY=1, sends the calls through HTTP_PROXY but for the NO_PROXY hosts, and says nothing',
    () => expectThroughProxy({ NODE_USE_ENV_PROXY: '1' }),
  );

  it.skipIf(nodeSetsProxyAtRunTime)(
    'on a Node before 24.14, without NODE_USE_ENV_PROXY, goes direct past an HTTPS_PROXY where nothing listens, and says how to use it',
    async () => {
      const result = await run({ HTTPS_PROXY: await nothingListening() });
      expect(result.code).toBe(0);
      expect(calls()).toEqual(allCalls);
      expect(github.storage.requests.map((r) => r.path)).toEqual(['/blobs/6']);
      expect(result.stdout).toMatch(
        /^HTTPS_PROXY is set, but this Node \(before 24\.14\) lets fetch use a proxy only when the step starts with NODE_USE_ENV_PROXY=1, .* set NODE_USE_ENV_PROXY: 1 in this step's env\.$/m,
      );
    },
  );
});
