/**
 * A real `mlflow server` on 127.0.0.1 for the MLflow tracker's runs: MLflow from the project's own
 * hashed requirements-dev.txt, installed with uv into a venv of the suite's folder (uv's cache is
 * the harness's shared one), a SQLite store and a local artifact folder, as the project's own
 * tests/test_tracking_mlflow.py starts it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runOk } from '@ml-cicd/e2e/exec';
import { pythonVersionsDir, uvBin, uvCacheDir } from './paths.js';

export interface MlflowServer {
  url: string;
  /** GET or POST one endpoint of MLflow's REST API (`/api/2.0/mlflow/<path>`). */
  call(path: string, body?: object): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

// MLflow sends anonymous usage data unless told not to; these runs touch no network but their own.
export const noTelemetry = { MLFLOW_DISABLE_TELEMETRY: 'true' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startMlflowServer(
  folder: string,
  requirements: string,
  python: string,
): Promise<MlflowServer> {
  mkdirSync(folder, { recursive: true });
  const version = readdirSync(pythonVersionsDir).find((each) => each.startsWith(`${python}.`));
  if (!version) throw new Error(`no Python ${python} under ${pythonVersionsDir}`);
  const venv = join(folder, 'venv');
  const env = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: folder,
    UV_CACHE_DIR: uvCacheDir,
    ...(process.env.SSL_CERT_FILE ? { SSL_CERT_FILE: process.env.SSL_CERT_FILE } : {}),
  };
  const pythonBin = join(pythonVersionsDir, version, 'bin', 'python3');
  await runOk(uvBin, ['venv', '--quiet', '--python', pythonBin, venv], { cwd: folder, env });
  await runOk(
    uvBin,
    [
      'pip',
      'install',
      '--quiet',
      '--python',
      join(venv, 'bin', 'python'),
      '--require-hashes',
      '-r',
      requirements,
    ],
    { cwd: folder, env, timeoutMs: 15 * 60_000 },
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(folder, 'server.log');
  const server = spawn(
    join(venv, 'bin', 'python'),
    [
      ...['-m', 'mlflow', 'server', '--host', '127.0.0.1', '--port', String(port)],
      ...['--workers', '1', '--backend-store-uri', `sqlite:///${join(folder, 'mlflow.db')}`],
      ...['--artifacts-destination', join(folder, 'artifacts')],
    ],
    {
      cwd: folder,
      env: { ...env, ...noTelemetry },
      stdio: ['ignore', openSync(logFile, 'w'), openSync(logFile, 'a')],
    },
  );
  const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null || Date.now() > deadline) {
      server.kill();
      throw new Error(`mlflow server did not start:\n${readFileSync(logFile, 'utf8')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    async call(path, body) {
      const response = await fetch(`${url}/api/2.0/mlflow/${path}`, {
        method: body ? 'POST' : 'GET',
        headers: body ? { 'Content-Type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    },
    async stop() {
      server.kill('SIGTERM');
      await exited;
    },
  };
}
