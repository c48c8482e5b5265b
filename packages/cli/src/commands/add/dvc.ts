/**
 * `add workflow dvc`: what the training stage reads and writes, the params it leaves to the
 * script, and the dvc requirement the workflow needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockCommand, stageParams, type ScriptParams } from '@ml-cicd/core';
import type { EntryPoint } from '../../argparse/index.js';
import { repositoryPath } from './repository-path.js';

const list = (value: string | undefined, flag: string, example: string) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => repositoryPath(item, flag, example));

/** The file of `python -m <module>`, when it is in the repository. */
function moduleFile(dir: string, module: string): string | undefined {
  const base = module.replaceAll('.', '/');
  const candidates = [
    `${base}.py`,
    `${base}/__main__.py`,
    `src/${base}.py`,
    `src/${base}/__main__.py`,
  ];
  return candidates.find((path) => existsSync(join(dir, path)));
}

/** The stage's deps (the script, then --dvc-deps) and outs (--dvc-outs). */
export function dvcPaths(
  dir: string,
  entry: EntryPoint,
  flags: { deps?: string; outs?: string },
): NonNullable<ScriptParams['dvc']> {
  const code =
    entry.kind === 'script'
      ? repositoryPath(entry.path, '--script', 'train.py')
      : entry.kind === 'module'
        ? moduleFile(dir, entry.module)
        : undefined;
  const deps = list(flags.deps, '--dvc-deps', 'data/raw');
  return {
    deps: [...new Set([...(code ? [code] : []), ...deps])],
    outs: list(flags.outs, '--dvc-outs', 'models/model.pkl'),
  };
}

/** One note per param `dvc repro` does not pass, and the next steps. */
export function stageNotes(script: ScriptParams): string[] {
  const { leftOut } = stageParams(script.params, script);
  const notes = leftOut.map(
    (name) =>
      `dvc.yaml does not pass --${name}: DVC's templating can pass a value but not a switch or an empty text, so dvc repro runs the script with its own default; edit the stage's cmd to pass it.`,
  );
  if ((script.dvc?.outs ?? []).length === 0) {
    notes.push(
      'dvc.yaml declares no outs: name the model and data the script writes with --dvc-outs (comma-separated), so DVC versions and pushes them.',
    );
  }
  notes.push(
    'Run dvc repro, then commit dvc.lock: the DVC workflow fails until dvc.lock is committed and up to date.',
  );
  return notes;
}

/** A warning when requirements.txt, which the DVC jobs install, does not have dvc. */
export function dvcRequirementWarning(dir: string, requirementsIn: string): string | undefined {
  const wanted = requirementsIn.split('\n').find((line) => /^dvc[[=]/.test(line));
  if (!wanted) return undefined;
  const lock = join(dir, 'requirements.txt');
  const text = existsSync(lock) ? readFileSync(lock, 'utf8') : '';
  if (/^dvc(\[[^\]]*\])?==/m.test(text)) return undefined;
  return `warning: requirements.txt has no dvc, and the DVC workflow runs dvc from it; add ${wanted} to requirements.in, then run: ${lockCommand('requirements.in', 'requirements.txt')}`;
}
