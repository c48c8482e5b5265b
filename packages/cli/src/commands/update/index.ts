/**
 * `ml-cicd update [dir]`: renders the project with the version and answers its manifest records
 * (the base), renders it with the new version (by default the engine bundled here), and merges
 * each file three ways into the user's. Running it again at the same version changes nothing.
 */
import { basename } from 'node:path';
import {
  generator,
  manifestPath,
  movedChoicesIn,
  parseFlags,
  rawFromRecorded,
  resolveAnswers,
  type Assets,
} from '@ml-cicd/core';
import { bundledAssets } from '../add/assets.js';
import { oneOf } from '../../args.js';
import { UsageError, UserError } from '../../errors.js';
import type { Io } from '../../io.js';
import { projectDir } from '../folder.js';
import { addedBase, addedNext, addedOf, mergedIntoYours } from './added.js';
import { apply } from './apply.js';
import { answerFlags, changedAnswers, describeGiven, givenAnswers } from './answers.js';
import { check } from './check.js';
import { mergeAll, type FileUpdate } from './merge.js';
import * as say from './messages.js';
import {
  baseFromRecorded,
  baseMismatches,
  readManifest,
  readYours,
  requireCleanTree,
} from './project.js';
import { render } from './render.js';
import { checkVersion, compareVersions } from './version.js';

const flags = {
  to: { type: 'string' },
  conflicts: { type: 'string' },
  'dry-run': { type: 'boolean' },
  check: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...answerFlags,
} as const;

const conflictStyles = ['inline', 'rej'] as const;

export async function run(
  argv: string[],
  io: Io,
  assets: Assets = bundledAssets(),
): Promise<number> {
  const { values, positionals } = parseFlags(argv, flags, 'ml-cicd update');
  if (values.help) {
    io.out(say.help(generator.version));
    return 0;
  }
  const dir = projectDir(io, positionals);
  const conflicts = oneOf('--conflicts', values.conflicts, conflictStyles, 'inline');
  const to = values.to === undefined ? undefined : checkVersion('--to', values.to);
  const dryRun = values['dry-run'] === true;
  const json = values.json === true;
  const given = givenAnswers(values);
  if (values.check && (to || dryRun || values.conflicts || given.length > 0)) {
    throw new UsageError(
      '--check cannot be used with --to, --dry-run, --conflicts or an answer flag.',
    );
  }
  const recorded = readManifest(dir);
  if (values.check) return check(recorded.version, dir, io, json);
  const answers = changedAnswers(recorded.answers, given);
  // A changed answer that does not fit is the flag's mistake: a usage error naming it.
  if (given.length > 0) resolveAnswers(rawFromRecorded(answers, 'answers'), basename(dir));
  const changes = given.length > 0 ? describeGiven(given) : undefined;

  const target = to ?? generator.version;
  const order = compareVersions(recorded.version, target);
  // Recorded choices this version replaced (runner cml-aws → ec2) move even at the same version.
  const moved = movedChoicesIn(recorded.answers);
  const upToDate = order === 0 && !changes && moved.length === 0;
  const report = (updates: FileUpdate[]) => {
    const conflicted = updates.filter((update) => update.outcome === 'conflict');
    const paths = conflicted.map((update) => update.path);
    if (json) {
      const files = updates.map(({ path, outcome }) => ({ path, outcome }));
      const result = {
        from: recorded.version,
        to: target,
        ...(changes ? { changes } : {}),
        ...(moved.length > 0 ? { moved } : {}),
        dryRun,
        files,
        conflicts: paths,
      };
      io.out(`${JSON.stringify(result, null, 2)}\n`);
    } else if (upToDate) {
      io.out(`${say.upToDate(target)}\n`);
    } else {
      const next = paths.length > 0 ? say.conflictsLeft(paths, conflicts) : say.done;
      const movedLine = moved.length > 0 ? `${say.movedChoices(moved)}\n` : '';
      io.out(
        `${say.heading(recorded.version, target, dryRun, changes)}\n${movedLine}${say.fileLines(updates, conflicts)}\n${dryRun ? '' : `${next}\n`}`,
      );
    }
    return paths.length > 0 && !dryRun ? 1 : 0;
  };
  if (upToDate) return report([]);
  if (order > 0) {
    throw new UserError(
      to ? say.olderTarget(to, recorded.version) : say.newerThanBundled(recorded.version, target),
    );
  }
  if (!dryRun) requireCleanTree(dir);

  const added = addedOf(dir);
  if (added && target !== generator.version) throw new UserError(say.addedElsewhere(target));
  // This version no longer renders a replaced choice, so the base comes from the manifest's
  // hashes: the user's file where it is as generated, else the new render where that is.
  const bundledCannotRender = moved.length > 0 && recorded.version === generator.version;
  const addedFiles = added
    ? addedNext(answers, added, dir, given, assets, recorded.files)
    : undefined;
  const next = addedFiles?.files ?? (await render(target, answers, dir));
  const base = added
    ? addedBase(recorded, added, dir, assets)
    : bundledCannotRender
      ? baseFromRecorded(recorded, dir, next)
      : await render(recorded.version, recorded.answers, dir);
  const mismatched = bundledCannotRender || added ? [] : baseMismatches(recorded, base);
  if (mismatched.length > 0) throw new UserError(say.baseMismatch(recorded.version, mismatched));
  const manifest = addedFiles?.manifest ?? next.get(manifestPath);
  if (manifest === undefined) throw new Error(`ml-cicd ${target} rendered no ${manifestPath}.`);
  // add merges what the workflows need into these files of the team's: next already holds them.
  if (added) for (const path of mergedIntoYours) base.set(path, readYours(dir, path) ?? '');

  const updates = mergeAll({
    base,
    next,
    yours: (path) => readYours(dir, path),
    labels: { base: `ml-cicd ${recorded.version}`, next: `ml-cicd ${target}` },
    conflicts,
  });
  if (!dryRun) await apply(dir, updates, manifest);
  return report(updates);
}
