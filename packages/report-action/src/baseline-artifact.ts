/**
 * The baseline from an artifact: the newest unexpired one of that name uploaded by a push run of
 * this same workflow on the base branch of this repository, downloaded and unpacked into a folder
 * of its own. Any other run on that branch (another workflow, a `workflow_dispatch` of a changed
 * file, a `pull_request_target`) could upload an artifact of that name too.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import * as core from '@actions/core';
import { baselineArtifact as say } from './messages.ts';
import { callFailure, gitHub, type GitHub } from './octokit.ts';
import { baseBranch, type EventContext } from './target.ts';
import { unpackFiles } from './unzip.ts';
import type { Settings } from './validate.ts';

/** The fields of an artifact that choose it, typed as GitHub's REST API describes them. */
export interface Artifact {
  id: number;
  expired: boolean;
  created_at: string | null;
  workflow_run?: {
    id?: number;
    head_branch?: string;
    repository_id?: number;
    head_repository_id?: number;
  } | null;
}

/** The fields of a workflow run that say what started it, as GitHub's REST API describes them. */
export interface WorkflowRun {
  id: number;
  event: string;
  head_branch: string | null;
  workflow_id: number;
  repository: { id: number };
  head_repository?: { id: number } | null;
}

export interface ArtifactQuery {
  owner: string;
  repo: string;
  name: string;
  branch: string;
  /** The run of the report itself, whose workflow must have uploaded the artifact. */
  runId: number;
}

/** How many of the newest candidate artifacts are checked against their run before giving up. */
const RUNS_CHECKED = 10;

/** The most the baseline's files may unpack to: JSON files of metrics and params are smaller. */
const UNPACK_LIMIT = 32 * 2 ** 20;

/** A fork's branch may be called main too: only runs whose head is this repository count. */
export function candidatesFromBranch(artifacts: Artifact[], branch: string): Artifact[] {
  return artifacts
    .filter(({ expired, workflow_run: run }) => !expired && run?.head_branch === branch)
    .filter(
      ({ workflow_run: run }) => run?.repository_id && run.head_repository_id === run.repository_id,
    )
    .sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
}

/** A push to the branch in this repository, run by the given workflow. */
export function isOwnPushRun(run: WorkflowRun, workflowId: number, branch: string): boolean {
  return (
    run.event === 'push' &&
    run.head_branch === branch &&
    run.workflow_id === workflowId &&
    run.head_repository?.id === run.repository.id
  );
}

async function workflowRun(github: GitHub, owner: string, repo: string, runId: number) {
  const { data } = await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
    owner,
    repo,
    run_id: runId,
  });
  return data as WorkflowRun;
}

/** The newest candidate whose run is a push of this workflow on the branch. */
async function newestOwnPush(
  github: GitHub,
  query: ArtifactQuery,
  candidates: Artifact[],
): Promise<Artifact | undefined> {
  const { owner, repo, branch } = query;
  if (candidates.length === 0) return undefined;
  const { workflow_id: workflowId } = await workflowRun(github, owner, repo, query.runId);
  for (const artifact of candidates.slice(0, RUNS_CHECKED)) {
    const runId = artifact.workflow_run?.id;
    if (!runId) continue;
    const run = await workflowRun(github, owner, repo, runId);
    if (isOwnPushRun(run, workflowId, branch)) return artifact;
  }
  return undefined;
}

/**
 * Downloads the artifact and unpacks the named files of it into dir; undefined when there is none
 * yet. The zip goes to a file beside dir: an artifact holds every output of a run, the model too.
 */
export async function downloadBaseline(
  github: GitHub,
  query: ArtifactQuery,
  files: string[],
  dir: string,
): Promise<Artifact | undefined> {
  const { owner, repo, name, branch } = query;
  const listed = await github.request('GET /repos/{owner}/{repo}/actions/artifacts', {
    owner,
    repo,
    name,
    per_page: 100,
  });
  const candidates = candidatesFromBranch(listed.data.artifacts, branch);
  const artifact = await newestOwnPush(github, query, candidates);
  if (!artifact) return undefined;
  // GitHub answers with a redirect to its storage. fetch follows it and, as the storage is another
  // origin, drops the token (the Fetch standard's redirect rule), so only the API ever sees it.
  const { data } = await github.request(
    'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    {
      owner,
      repo,
      artifact_id: artifact.id,
      archive_format: 'zip',
      request: { parseSuccessResponseBody: false },
    },
  );
  const zipPath = `${dir}.zip`;
  try {
    await pipeline(Readable.fromWeb(data as ReadableStream), createWriteStream(zipPath));
    await unpackFiles(zipPath, files, dir, UNPACK_LIMIT);
  } finally {
    rmSync(zipPath, { force: true });
  }
  return artifact;
}

/** Where the baseline files are: in the unpacked artifact, or nowhere when it cannot be had. */
export interface BaselineFiles {
  baseline: string[];
  baselineParams: string[];
  /** Shows an unpacked path as the artifact's own. */
  describe: (path: string) => string;
}

/** The baseline and baseline-params paths, read inside the artifact when one is named. */
export async function baselineFiles(
  settings: Settings,
  event: EventContext,
  runId: number,
): Promise<BaselineFiles> {
  const name = settings.baselineArtifact;
  const asGiven = { baseline: settings.baseline, baselineParams: settings.baselineParams };
  if (!name) return { ...asGiven, describe: (path) => path };
  const none = { baseline: [], baselineParams: [], describe: (path: string) => path };
  const branch = baseBranch(event);
  if (!branch) {
    core.info(say.noBranch(name));
    return none;
  }
  if (!Number.isInteger(runId)) {
    core.info(say.noRun(name));
    return none;
  }
  const { owner, repo } = event.repo;
  const dir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'ml-cicd-baseline-'));
  try {
    const github = gitHub(settings.token, settings.apiUrl);
    const query = { owner, repo, name, branch, runId };
    const files = [...asGiven.baseline, ...asGiven.baselineParams];
    const found = await downloadBaseline(github, query, files, dir);
    if (!found) {
      core.info(say.none(name, branch));
      return none;
    }
    core.info(say.found(name, branch, found.workflow_run?.id));
  } catch (error) {
    const failed = callFailure(error);
    if (!failed) core.warning(say.unreadable(name, (error as Error).message));
    else if ('unanswered' in failed) core.warning(say.failed(name, failed.unanswered));
    else core.warning(say.failed(name, `GitHub answered ${failed.status}: ${failed.message}`));
    return none;
  }
  const inDir = (paths: string[]) => paths.map((path) => join(dir, path));
  return {
    baseline: inDir(asGiven.baseline),
    baselineParams: inDir(asGiven.baselineParams),
    describe: (path) => say.inside(path.slice(dir.length + 1), name),
  };
}
