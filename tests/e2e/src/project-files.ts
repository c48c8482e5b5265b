/** A generated project as it lies on disk: its files, its manifest, its ml-cicd.yaml. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '@ml-cicd/core';
import type { MlCicdConfig } from '@ml-cicd/config';
import { parse } from 'yaml';

/** Every file under `dir`, relative and sorted, leaving out folders named in `skip`. */
export async function filesOnDisk(dir: string, skip: string[] = []): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((path) => !skip.some((folder) => path === folder || path.startsWith(`${folder}/`)))
    .sort();
}

export async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, '.ml-cicd', 'manifest.json'), 'utf8')) as Manifest;
}

export async function readConfig(dir: string): Promise<MlCicdConfig> {
  return parse(await readFile(join(dir, 'ml-cicd.yaml'), 'utf8')) as MlCicdConfig;
}
