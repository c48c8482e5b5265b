/**
 * Runs the bundled action as the runner does: `node dist/index.js` with INPUT_* and GITHUB_* set,
 * from a copy of dist/ as a generated repository vendors it, with no node_modules to fall back on.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-dir.ts';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export interface ActionRun {
  /** The folder the action ran in, with RUNNER_TEMP as `.runner-temp` inside it. */
  workspace: string;
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

export interface RunOptions {
  /** Input names as in action.yml; each becomes INPUT_<NAME> (uppercased, hyphens kept). */
  inputs: Record<string, string>;
  event?: { name: string; payload: unknown };
  actor?: string;
  /** Files written into the workspace before the run, by relative path. */
  files?: Record<string, string>;
  /** More of the step's environment, as a workflow's `env:` gives it (a proxy). */
  env?: Record<string, string>;
}

/** `name<<delimiter ... delimiter` blocks of the GITHUB_OUTPUT file. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(block)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const workspace = tempDir('run-');
  for (const [path, text] of Object.entries(options.files ?? {})) {
    writeFileSync(join(workspace, path), text);
  }
  const runnerTemp = join(workspace, '.runner-temp');
  mkdirSync(runnerTemp);
  const summaryFile = join(workspace, '.step-summary.md');
  const outputFile = join(workspace, '.output');
  const eventFile = join(workspace, '.event.json');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const event = options.event ?? { name: 'push', payload: {} };
  writeFileSync(eventFile, JSON.stringify(event.payload, null, 2));

  // Only what a runner sets: nothing of this machine's own environment (a proxy, a real token).
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'acme/churn-model',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_ACTOR: options.actor ?? 'octocat',
    GITHUB_WORKFLOW: 'Model report',
    GITHUB_JOB: 'report',
    GITHUB_RUN_ID: '16345678901',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: runnerTemp,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }

  const action = join(workspace, '.github', 'actions', 'report');
  cpSync(DIST, join(action, 'dist'), { recursive: true });
  const child = spawn(process.execPath, [join(action, 'dist', 'index.js')], {
    cwd: workspace,
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return {
    workspace,
    code,
    stdout,
    stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
  };
}
