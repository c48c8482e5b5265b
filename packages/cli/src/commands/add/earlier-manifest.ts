/** The manifest an earlier `add` or the generator left: the files it wrote and the answers. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestPath, matchesRecorded, type Manifest } from '@ml-cicd/core';

export function earlierManifest(dir: string): Manifest | undefined {
  const path = join(dir, manifestPath);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * Whether the file at `path` is as ml-cicd last wrote it: then it is ml-cicd's to update, not a
 * file of the team's.
 */
export function unedited(dir: string, manifest: Manifest | undefined, path: string): boolean {
  const recorded = manifest?.files[path];
  if (recorded === undefined || !existsSync(join(dir, path))) return false;
  return matchesRecorded(readFileSync(join(dir, path), 'utf8'), recorded);
}
