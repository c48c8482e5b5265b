/**
 * Which remote actions a workflow needs, followed through the local actions and reusable workflows
 * it calls, and the stand-in folder for each. act fetches every `uses:` of a job when the job
 * starts, even of steps that will be skipped, so a missing stand-in is found here, before act runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { standInsDir } from './paths.js';

export interface RemoteUse {
  /** The value as written, e.g. actions/checkout@3d3c…. */
  uses: string;
  /** owner/repo */
  repo: string;
  /** Folder of the action inside the repository ('' for its root). */
  path: string;
  ref: string;
  /** Where it was found, relative to the project. */
  file: string;
}

const remoteForm = /^([^/@\s]+\/[^/@\s]+)(\/[^@\s]*)?@(\S+)$/;

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `uses:` values of a workflow's jobs and steps, or of an action's composite steps. */
function usesIn(document: unknown): string[] {
  if (!isNode(document)) return [];
  const found: string[] = [];
  const steps = (holder: unknown) => {
    if (!isNode(holder) || !Array.isArray(holder.steps)) return;
    for (const step of holder.steps)
      if (isNode(step) && typeof step.uses === 'string') found.push(step.uses);
  };
  if (isNode(document.jobs)) {
    for (const job of Object.values(document.jobs)) {
      if (isNode(job) && typeof job.uses === 'string') found.push(job.uses);
      steps(job);
    }
  }
  steps(document.runs);
  return found;
}

/** Every remote use reachable from one workflow file of the project, local calls followed. */
export function remoteUses(projectDir: string, workflowFile: string): RemoteUse[] {
  const seen = new Set<string>();
  const remote: RemoteUse[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(projectDir, file), 'utf8');
    for (const uses of usesIn(parse(text))) {
      if (uses.startsWith('./')) {
        const local = uses.slice(2);
        const actionFile = ['action.yml', 'action.yaml']
          .map((name) => join(local, name))
          .find((path) => existsSync(join(projectDir, path)));
        visit(/\.ya?ml$/.test(local) ? local : (actionFile ?? join(local, 'action.yml')));
        continue;
      }
      if (uses.startsWith('docker://'))
        throw new Error(`${file}: ${uses} needs Docker, which act in host mode cannot run.`);
      const match = remoteForm.exec(uses);
      if (!match) throw new Error(`${file}: cannot read the uses: value ${uses}.`);
      remote.push({ uses, repo: match[1]!, path: match[2]?.slice(1) ?? '', ref: match[3]!, file });
    }
  };
  visit(workflowFile);
  return remote;
}

export const standInFolder = (repo: string) => join(standInsDir, repo);

/**
 * act's --local-repository values (owner/repo@ref=folder) for a workflow. Throws, naming each
 * remote action that has no stand-in, so nothing is ever fetched from the network.
 */
export function localRepositoryArgs(projectDir: string, workflowFile: string): string[] {
  const uses = remoteUses(projectDir, workflowFile);
  const missing = uses.filter(
    ({ repo, path }) => !existsSync(join(standInFolder(repo), path, 'action.yml')),
  );
  if (missing.length > 0) {
    const list = missing.map(({ uses: value, file }) => `${value} (in ${file})`).join(', ');
    throw new Error(
      `${workflowFile} uses remote actions with no stand-in under tests/workflows/stand-ins/: ${list}; write one before running it.`,
    );
  }
  const keys = new Set(uses.map(({ repo, ref }) => `${repo}@${ref}`));
  return [...keys]
    .sort()
    .flatMap((key) => ['--local-repository', `${key}=${standInFolder(key.split('@')[0]!)}`]);
}
