/**
 * Runs one workflow of a project with act in host mode: a cleaned environment (`env -i`), the
 * run's own HOME and TMPDIR, this project's stand-ins for remote actions, the recording API's URL,
 * and act's JSON log read back into each job's and step's result.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cloudLedgerFile } from './cloud-ledger.js';
import { run } from '@ml-cicd/e2e/exec';
import {
  actBin,
  ghStandInDir,
  nodeDir,
  pipCacheDir,
  pythonVersionsDir,
  uvBin,
  uvCacheDir,
} from './paths.js';
import type { Project } from './project.js';
import { localRepositoryArgs } from './uses.js';

export interface Suite {
  /** Folder of this suite's runs. */
  root: string;
  apiUrl: string;
  /** The artifact store the upload and download stand-ins share. */
  store: string;
  /** The uv cache of jobs with setup-uv's enable-cache true; the shared harness cache if unset. */
  uvCache?: string;
}

export interface ActRequest {
  project: Project;
  /** File name under .github/workflows/. */
  workflow: string;
  event: 'push' | 'pull_request' | 'workflow_dispatch' | 'schedule';
  payload: object;
  inputs?: Record<string, string>;
  /** Repository variables (`vars.*`), secrets besides GITHUB_TOKEN, and the runner's own env. */
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
  env?: Record<string, string>;
  /** The run's `~/.curlrc`, e.g. NpmRegistry.curlrc to reach the registry stand-in. */
  curlrc?: string;
  /** The run's `~/.npmrc`, e.g. NpmRegistry.npmrc: npm's registry is the stand-in. */
  npmrc?: string;
  /** GITHUB_RUN_ID; also the run number. Distinct per run of a suite. */
  runId: number;
  /**
   * Labels a runs-on takes only at run time (a job's output, such as the label of the runner the
   * EC2 start job launched), also mapped to the host with -P. An unmapped label skips its job.
   */
  hostLabels?: string[];
}

export interface StepResult {
  /** The step's name; a step of a composite action is listed too, under its own name. */
  name: string;
  /** act's step id path, e.g. "1" or "1.2" for the third step of the composite action in step 1. */
  id: string;
  /** success, failure or skipped, from the Main stage (a Post stage's result is left out). */
  result: string;
  /** What the step printed, its composite steps' output included. */
  output: string;
  /** How long its Main stage took, as act measured it (0 if it did not run). */
  seconds: number;
}

export interface JobResult {
  /** act's name for the job: its name, with the calling jobs' names before it. */
  name: string;
  id: string;
  result: string;
  steps: StepResult[];
}

export interface ActResult {
  code: number;
  jobs: JobResult[];
  /** Every message of the run, one per line, for failure messages. */
  log: string;
  /** What the run wrote to /tmp (its own, private /tmp): nothing, when the workflows behave. */
  strayTmp: string[];
  seconds: number;
}

interface LogLine {
  job?: string;
  jobID?: string;
  jobResult?: string;
  step?: string;
  stepID?: string[] | null;
  stage?: string | null;
  stepResult?: string;
  raw_output?: boolean;
  msg?: string;
  /** Nanoseconds, on the line that gives a stage's result. */
  executionTime?: number;
}

const ansiEscape = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Jobs with their steps (composite ones' inner steps too), what each printed, and each result. */
export function readJsonLog(text: string): JobResult[] {
  const jobs = new Map<string, JobResult>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as LogLine;
    if (!entry.job) continue;
    // act pads job names to line its log up.
    const name = entry.job.trim();
    const job = jobs.get(name) ?? { name, id: entry.jobID ?? '', result: '', steps: [] };
    jobs.set(name, job);
    if (entry.jobResult) job.result = entry.jobResult;
    if (!entry.step) continue;
    const id = entry.stepID?.join('.') ?? entry.step;
    let step = job.steps.find((each) => each.id === id);
    if (!step) {
      step = { name: entry.step, id, result: '', output: '', seconds: 0 };
      job.steps.push(step);
    }
    const started = /^⭐ Run (?:Main|Pre) (.*)$/.exec(entry.msg ?? '');
    if (started && entry.stepID) step.name = started[1]!;
    if (entry.raw_output) {
      // Tools colour their output, as act gives them a terminal; the tests read the plain text.
      const plain = (entry.msg ?? '').replace(ansiEscape, '');
      for (const each of job.steps) {
        if (id === each.id || id.startsWith(`${each.id}.`)) each.output += plain;
      }
    }
    if (entry.stepResult && entry.stage !== 'Post') step.result = entry.stepResult;
    if (entry.stage === 'Main' && entry.executionTime) step.seconds = entry.executionTime / 1e9;
  }
  return [...jobs.values()];
}

/** The labels of every literal runs-on in the project's workflows, so act runs them on the host. */
function runnerLabels(project: Project, workflow: string): string[] {
  const labels = new Set(['ubuntu-latest', 'ubuntu-24.04']);
  const document = parse(
    readFileSync(join(project.dir, '.github', 'workflows', workflow), 'utf8'),
  ) as {
    jobs?: Record<string, { 'runs-on'?: unknown }>;
  };
  for (const job of Object.values(document.jobs ?? {})) {
    const runsOn = job['runs-on'];
    for (const label of Array.isArray(runsOn) ? runsOn : [runsOn]) {
      if (typeof label === 'string' && !label.includes('${{')) labels.add(label);
    }
  }
  return [...labels];
}

export async function runAct(suite: Suite, request: ActRequest): Promise<ActResult> {
  const { project, workflow } = request;
  const workflowFile = `.github/workflows/${workflow}`;
  // Before anything runs: every remote action must have a stand-in.
  const standIns = localRepositoryArgs(project.dir, workflowFile);
  // Runs of a suite share the artifact store and the API by run id: one id, one run.
  const taken = readdirSync(suite.root).find((name) => name.startsWith(`run-${request.runId}-`));
  if (taken) throw new Error(`run id ${request.runId} is used twice in this suite (${taken}).`);
  const runDir = mkdtempSync(join(suite.root, `run-${request.runId}-`));
  const home = join(runDir, 'home');
  const tmp = join(runDir, 'tmp');
  const slashTmp = join(runDir, 'slash-tmp');
  for (const dir of [home, tmp, slashTmp]) mkdirSync(dir);
  // The checkout stand-in fetches from $GITHUB_SERVER_URL/<repo>; git reads it from the project.
  writeFileSync(
    join(home, '.gitconfig'),
    `[url "file://${project.githubDir}/"]\n\tinsteadOf = ${suite.apiUrl}/\n` +
      '[user]\n\tname = runner\n\temail = runner@ml-cicd.invalid\n',
  );
  if (request.curlrc) writeFileSync(join(home, '.curlrc'), request.curlrc);
  if (request.npmrc) writeFileSync(join(home, '.npmrc'), request.npmrc);
  const eventFile = join(runDir, 'event.json');
  writeFileSync(eventFile, JSON.stringify(request.payload));

  const env = {
    PATH: [join(nodeDir, 'bin'), ghStandInDir, '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: home,
    TMPDIR: tmp,
    LANG: 'C.UTF-8',
    PIP_REQUIRE_VIRTUALENV: '1',
    PIP_CACHE_DIR: pipCacheDir,
    // DVC keeps a site cache in /var/tmp/dvc unless told otherwise: the run's folder instead.
    DVC_SITE_CACHE_DIR: join(runDir, 'dvc-site-cache'),
    // The machine's CA bundle, where its network needs one (uv reads it; pip's Pythons trust it).
    ...(process.env.SSL_CERT_FILE ? { SSL_CERT_FILE: process.env.SSL_CERT_FILE } : {}),
  };
  const host = new URL(suite.apiUrl).host;
  const args = [
    request.event,
    '--workflows',
    workflowFile,
    '--eventpath',
    eventFile,
    ...[...runnerLabels(project, workflow), ...(request.hostLabels ?? [])].flatMap((label) => [
      '-P',
      `${label}=-self-hosted`,
    ]),
    '--no-skip-checkout',
    '--action-offline-mode',
    '--no-cache-server',
    '--concurrent-jobs',
    '1',
    '--action-cache-path',
    join(home, '.cache', 'act'),
    '--json',
    ...standIns,
    ...Object.entries({
      GITHUB_API_URL: suite.apiUrl,
      GITHUB_SERVER_URL: suite.apiUrl,
      GITHUB_GRAPHQL_URL: `${suite.apiUrl}/graphql`,
      GH_HOST: host,
      GITHUB_RUN_ID: String(request.runId),
      GITHUB_RUN_NUMBER: String(request.runId),
      ML_CICD_ARTIFACT_STORE: suite.store,
      ML_CICD_CLOUD_LEDGER: cloudLedgerFile(suite),
      ML_CICD_PYTHON_VERSIONS: pythonVersionsDir,
      ML_CICD_UV: uvBin,
      ML_CICD_UV_CACHE: suite.uvCache ?? uvCacheDir,
      ...request.env,
    }).flatMap(([name, value]) => ['--env', `${name}=${value}`]),
    '--secret',
    `GITHUB_TOKEN=ghs_standin${request.runId}`,
    ...Object.entries(request.secrets ?? {}).flatMap(([name, value]) => [
      '--secret',
      `${name}=${value}`,
    ]),
    ...Object.entries(request.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}=${value}`]),
    ...Object.entries(request.inputs ?? {}).flatMap(([name, value]) => [
      '--input',
      `${name}=${value}`,
    ]),
  ];
  await registerRun(suite, request);
  const started = Date.now();
  // A mount namespace of its own whose /tmp is the run's slash-tmp folder: whatever a step writes
  // to /tmp by name lands there, where the tests can see it, and not in the machine's /tmp.
  const isolated = [
    '--mount',
    '--propagation',
    'private',
    'sh',
    '-c',
    'mount --bind "$0" /tmp && exec "$@"',
    slashTmp,
  ];
  const command = [
    'env',
    '-i',
    ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
    actBin,
    ...args,
  ];
  const result = await run('unshare', [...isolated, ...command], {
    cwd: project.dir,
    timeoutMs: 15 * 60_000,
  });
  const text = `${result.stdout}\n${result.stderr}`;
  writeFileSync(join(runDir, 'act.log'), text);
  const log = text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('{')) return line;
      const entry = JSON.parse(line) as LogLine;
      return entry.job ? `[${entry.job}] ${entry.msg ?? ''}` : (entry.msg ?? '');
    })
    .join('\n');
  return {
    code: result.code,
    jobs: readJsonLog(text),
    log,
    strayTmp: readdirSync(slashTmp),
    seconds: (Date.now() - started) / 1000,
  };
}

/** Tells the API stand-in about the run, so GET /actions/runs/{id} can answer for it. */
async function registerRun(suite: Suite, request: ActRequest) {
  const payload = request.payload as {
    pull_request?: { head?: { ref?: string; sha?: string } };
    ref?: string;
    after?: string;
  };
  const branch =
    payload.pull_request?.head?.ref ?? payload.ref?.replace(/^refs\/heads\//, '') ?? 'main';
  const run = {
    id: request.runId,
    event: request.event,
    head_branch: branch,
    head_sha: payload.pull_request?.head?.sha ?? payload.after ?? (await request.project.head()),
    path: `.github/workflows/${request.workflow}`,
  };
  const query = new URLSearchParams({ repo: request.project.repository });
  const response = await fetch(`${suite.apiUrl}/_harness/run?${query}`, {
    method: 'POST',
    body: JSON.stringify(run),
  });
  if (!response.ok)
    throw new Error(`the API stand-in refused the run ${request.runId}: ${response.status}`);
}

/** The one job whose act name ends with `name`; throws with the jobs there were. */
export function job(result: ActResult, name: string): JobResult {
  const found = result.jobs.filter((each) => each.name === name || each.name.endsWith(`/${name}`));
  if (found.length !== 1) {
    const names = result.jobs.map((each) => `${each.name}: ${each.result}`).join(', ');
    throw new Error(
      `expected one job named ${name}, found ${found.length} (${names}).\n${tail(result.log)}`,
    );
  }
  return found[0]!;
}

/** The last lines of the log, for a failure message. */
export function tail(log: string, lines = 60): string {
  return log.trim().split('\n').slice(-lines).join('\n');
}

/** Each job's result by its own name (act puts the workflow's or the calling job's names before it). */
export function summary(result: ActResult): Record<string, string> {
  return Object.fromEntries(result.jobs.map((each) => [each.name.split('/').at(-1)!, each.result]));
}
