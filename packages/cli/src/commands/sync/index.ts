/**
 * `ml-cicd sync [dir]`: the files ml-cicd owns brought up to date with ml-cicd.yaml (the one list
 * of params and gates) at the version the project is at, keeping the user's edits.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFinding, loadConfig } from '@ml-cicd/config';
import { generator, manifestPath, parseFlags, type Assets } from '@ml-cicd/core';
import { bundledAssets } from '../add/assets.js';
import { UserError } from '../../errors.js';
import type { Io } from '../../io.js';
import { projectDir } from '../folder.js';
import { addedOf } from '../update/added.js';
import { apply } from '../update/apply.js';
import { diffOf } from '../update/merge.js';
import { readManifest, readYours } from '../update/project.js';
import * as say from './messages.js';
import { syncPlan, type Synced } from './plan.js';

const flags = {
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readConfig(dir: string) {
  const path = join(dir, 'ml-cicd.yaml');
  if (!existsSync(path)) throw new UserError(say.noConfig(dir));
  const { config, findings } = loadConfig(readFileSync(path, 'utf8'), 'ml-cicd.yaml');
  if (!config) {
    const first = findings.find((finding) => finding.severity === 'error') ?? findings[0]!;
    throw new UserError(say.badConfig(formatFinding(first)));
  }
  return config;
}

/** The manifest as JSON, and the last sync it records, when its shape is one sync wrote. */
function readSynced(dir: string): { manifest: Record<string, unknown>; synced?: Synced } {
  const manifest = JSON.parse(readFileSync(join(dir, manifestPath), 'utf8')) as Record<
    string,
    unknown
  >;
  const synced = manifest.synced as Partial<Synced> | undefined;
  const valid =
    typeof synced === 'object' &&
    synced !== null &&
    typeof synced.params === 'object' &&
    Array.isArray(synced.gates) &&
    typeof synced.files === 'object';
  return { manifest, ...(valid ? { synced: synced as Synced } : {}) };
}

export async function run(
  argv: string[],
  io: Io,
  assets: Assets = bundledAssets(),
): Promise<number> {
  const { values, positionals } = parseFlags(argv, flags, 'ml-cicd sync');
  if (values.help) {
    io.out(say.help);
    return 0;
  }
  const dir = projectDir(io, positionals);
  const dryRun = values['dry-run'] === true;
  const force = values.force === true;
  if (!existsSync(join(dir, manifestPath))) throw new UserError(say.noManifest(dir));
  const recorded = readManifest(dir);
  if (recorded.version !== generator.version) {
    throw new UserError(say.otherVersion(recorded.version, generator.version));
  }
  const config = readConfig(dir);
  // An `add workflow` project records no task: its script is the team's.
  const recordedTask = recorded.answers.task;
  if (typeof recordedTask === 'string' && (config.task ?? 'binary') !== recordedTask) {
    throw new UserError(say.otherTask(config.task ?? 'binary', recordedTask));
  }
  const configured = {
    params: config.params,
    gates: config.metrics.gates,
    ...(config.dataset ? { dataset: config.dataset } : {}),
  };
  const { manifest, synced } = readSynced(dir);
  io.out(
    `${say.rendering(generator.version, Object.keys(configured.params).length, configured.gates.length)}\n`,
  );
  const added = addedOf(dir);
  const plan = syncPlan(
    { dir, recorded, ...(added ? { added } : {}), ...(synced ? { synced } : {}), assets },
    configured,
    force,
  );
  const changed = plan.files.filter((file) => file.write !== undefined || file.remove);
  const conflicts = plan.files.filter((file) => file.outcome === 'conflict');
  const lines = say.fileLines(plan.files);
  if (lines) io.out(`${lines}\n`);
  if (conflicts.length > 0) {
    if (dryRun) {
      for (const file of conflicts) {
        io.out(diffOf(file.path, readYours(dir, file.path) ?? '', file.rendered ?? ''));
      }
    }
    throw new UserError(say.conflicts(conflicts.map((file) => file.path)));
  }
  if (dryRun) {
    for (const file of changed) {
      io.out(diffOf(file.path, readYours(dir, file.path) ?? '', file.write ?? ''));
    }
    io.out(`${say.dryRun(changed.length)}\n`);
    return 0;
  }
  const next = `${JSON.stringify({ ...manifest, synced: plan.synced }, null, 2)}\n`;
  const current = readFileSync(join(dir, manifestPath), 'utf8');
  if (changed.length > 0 || next !== current) await apply(dir, changed, next);
  io.out(`${changed.length === 0 ? say.inSync : say.synced(changed.length)}\n`);
  return 0;
}
