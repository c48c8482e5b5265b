/**
 * A local verdaccio registry: our packages are served only from it (never proxied, so a name
 * taken on the public registry cannot stand in for ours), everything else comes through its
 * uplink to the public registry. Publishing needs a user, created through the API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { userShellEnv } from './npm-env.js';

const localPackages = ['create-ml-cicd', 'ml-cicd', '@ml-cicd/*'];

export interface Registry {
  url: string;
  /** A token of a throwaway user allowed to publish. */
  token: string;
  stop: () => Promise<void>;
}

function configYaml(dir: string): string {
  const local = localPackages
    .map((name) => `  '${name}':\n    access: $all\n    publish: $authenticated\n`)
    .join('');
  return `storage: ${join(dir, 'storage')}
auth:
  htpasswd:
    file: ${join(dir, 'htpasswd')}
uplinks:
  npmjs:
    url: https://registry.npmjs.org/
    timeout: 60s
packages:
${local}  '**':
    access: $all
    proxy: npmjs
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`verdaccio exited with ${child.exitCode}:\n${log()}`);
    const ok = await fetch(`${url}-/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`verdaccio did not answer on ${url} within 30 s:\n${log()}`);
}

async function addUser(url: string): Promise<string> {
  const name = `e2e-${randomBytes(4).toString('hex')}`;
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: randomBytes(16).toString('hex') }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) {
    throw new Error(`verdaccio refused the throwaway user: ${JSON.stringify(body)}`);
  }
  return body.token;
}

/** Starts verdaccio on a free loopback port with its config and storage in `dir`. */
export async function startRegistry(bin: string, dir: string): Promise<Registry> {
  await mkdir(dir, { recursive: true });
  const config = join(dir, 'config.yaml');
  await writeFile(config, configYaml(dir));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    process.execPath,
    [bin, '--config', config, '--listen', `127.0.0.1:${port}`],
    {
      cwd: dir,
      env: userShellEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Should the runner itself be stopped, the registry goes with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopProcess(child);
  };
  try {
    await waitUntilUp(url, child, () => output);
    return { url, token: await addUser(url), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
