/**
 * The suite's artifact store, written by the upload-artifact stand-in:
 * <store>/<run id>/<name>/ holds the files, <store>/<run id>/<name>.json describes them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredArtifact {
  id: number;
  name: string;
  runId: number;
  repository: string;
  headBranch: string;
  headSha: string;
  createdAt: string;
  files: string[];
  /** The folder of its files. */
  dir: string;
}

export function storedArtifacts(store: string): StoredArtifact[] {
  if (!existsSync(store)) return [];
  return readdirSync(store).flatMap((run) =>
    readdirSync(join(store, run))
      .filter((entry) => entry.endsWith('.json'))
      .map((entry) => {
        const meta = JSON.parse(readFileSync(join(store, run, entry), 'utf8')) as Omit<
          StoredArtifact,
          'dir'
        >;
        return { ...meta, dir: join(store, run, meta.name) };
      }),
  );
}

/** The artifact of that name uploaded by that run; throws when there is none. */
export function artifactOfRun(store: string, runId: number, name: string): StoredArtifact {
  const found = storedArtifacts(store).find((each) => each.runId === runId && each.name === name);
  if (!found) throw new Error(`run ${runId} uploaded no artifact named ${name}.`);
  return found;
}
