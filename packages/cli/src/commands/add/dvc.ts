/**
 * `add workflow dvc`: what the training stage reads and writes, the params it leaves to the
 * script, and the dvc requirement the workflow needs; or, in a repository that has a DVC
 * pipeline of its own, that pipeline kept as it is, for the DVC workflow to reproduce.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dvcRemoteKindOf,
  dvcRemoteKinds,
  lockCommand,
  stageParams,
  type RawAnswers,
  type ScriptParams,
} from '@ml-cicd/core';
import { isMap, parseDocument } from 'yaml';
import type { EntryPoint } from '../../argparse/index.js';
import { UsageError } from '../../errors.js';
import { earlierManifest } from './earlier-manifest.js';
import { repositoryPath } from './repository-path.js';

/** The files of a DVC pipeline: its stages, and the parameters they read. */
const pipelineFiles = ['dvc.yaml', 'params.yaml'];

/**
 * The stages of the repository's own DVC pipeline: a dvc.yaml with stages that no earlier `add`
 * wrote. Empty when there is none, or when dvc.yaml is ml-cicd's to write again.
 */
export function teamStages(dir: string): string[] {
  const path = join(dir, 'dvc.yaml');
  if (!existsSync(path) || earlierManifest(dir)?.files['dvc.yaml'] !== undefined) return [];
  const stages = parseDocument(readFileSync(path, 'utf8')).get('stages', true);
  return isMap(stages) ? stages.items.map((pair) => String(pair.key)) : [];
}

/** The pipeline files `add workflow dvc` leaves as the repository has them. */
export function keptPipelineFiles(dir: string): Set<string> {
  if (teamStages(dir).length === 0) return new Set();
  return new Set(pipelineFiles.filter((path) => existsSync(join(dir, path))));
}

const list = (value: string | undefined, flag: string, example: string) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => repositoryPath(item, flag, example));

/** The file of `python -m <module>`, when it is in the repository. */
export function moduleFile(dir: string, module: string): string | undefined {
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
  entry: EntryPoint | undefined,
  flags: { deps?: string; outs?: string },
): NonNullable<ScriptParams['dvc']> {
  if ((flags.deps || flags.outs) && teamStages(dir).length > 0) {
    throw new UsageError(
      '--dvc-deps and --dvc-outs describe the stage add writes, but dvc.yaml has a pipeline of its own, which add keeps: declare deps and outs in its stages instead.',
    );
  }
  const code =
    entry?.kind === 'script'
      ? repositoryPath(entry.path, '--script', 'train.py')
      : entry?.kind === 'module'
        ? moduleFile(dir, entry.module)
        : undefined;
  const deps = list(flags.deps, '--dvc-deps', 'data/raw');
  return {
    deps: [...new Set([...(code ? [code] : []), ...deps])],
    outs: list(flags.outs, '--dvc-outs', 'models/model.pkl'),
  };
}

/**
 * One note per param `dvc repro` does not pass, and the next steps; `pushes`: whether the DVC
 * workflow pushes from main.
 */
export function stageNotes(dir: string, script: ScriptParams, pushes: boolean): string[] {
  const stages = teamStages(dir);
  if (stages.length > 0) {
    const checks = 'checks that the committed dvc.lock is up to date';
    return [
      `dvc.yaml has a pipeline of its own (stages ${stages.join(', ')}): add keeps it, and params.yaml, as they are; the DVC workflow runs dvc repro on it, ${pushes ? `${checks}, and pushes from main` : `and ${checks}`}.`,
      'Run dvc repro, then commit dvc.lock, whenever the stages change: the DVC workflow fails while dvc.lock is out of date.',
    ];
  }
  const { leftOut } = stageParams(script.params, script, script.train?.['params-as']);
  const notes = leftOut.map(
    (name) =>
      `dvc.yaml does not pass --${name}: DVC's templating can pass a value but not a switch, a counted flag, an empty text or a list of values, so dvc repro runs the script with its own default; edit the stage's cmd to pass it.`,
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

/**
 * The default remote of the repository's .dvc/config (`[core] remote = name`, then
 * `['remote "name"'] url = …`), which add keeps as it is: its URL, and the names of its other
 * settings.
 */
function teamRemote(dir: string): { url: string; settings: string[] } | undefined {
  const file = join(dir, '.dvc/config');
  if (!existsSync(file)) return undefined;
  const values = new Map<string, string>();
  let section = '';
  for (const line of readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((text) => text.trim())) {
    const header = /^\[\s*'?(.*?)'?\s*\]$/.exec(line);
    const entry = /^([\w-]+)\s*=\s*(.*)$/.exec(line);
    if (header) section = header[1]!;
    else if (entry) values.set(`${section}.${entry[1]}`, entry[2]!);
  }
  const name = values.get('core.remote');
  if (name === undefined) return undefined;
  const prefix = `remote "${name}".`;
  const url = values.get(`${prefix}url`);
  if (url === undefined) return undefined;
  const settings = [...values.keys()]
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length));
  return { url, settings };
}

/** Settings of an HTTP remote that mean it takes credentials or uploads, which http does not. */
const httpServerSettings = ['auth', 'user', 'custom_auth_header', 'method', 'ask_password'];

/**
 * The remote answers of the repository's own .dvc/config, so that ml-cicd.yaml and the DVC jobs'
 * credentials are for the remote DVC uses; a note when it is of a kind they cannot reach.
 */
export function teamRemoteAnswers(dir: string): { answers: RawAnswers; note?: string } {
  // One an earlier add wrote holds the answers the manifest recorded already.
  if (earlierManifest(dir)?.files['.dvc/config']) return { answers: {} };
  const remote = teamRemote(dir);
  if (remote === undefined) return { answers: {} };
  const { url, settings } = remote;
  const kind = dvcRemoteKindOf(url);
  const guarded = settings.filter((setting) => httpServerSettings.includes(setting));
  if (kind === 'http' && guarded.length > 0) {
    return {
      answers: {},
      note: `.dvc/config's default remote ${url} sets ${guarded.join(', ')}: a server that asks for credentials, which the DVC workflow's http kind (public files, pulled without credentials) cannot reach; run add again with --dvc-remote and --dvc-remote-url naming a remote of another kind, and set .dvc/config to the same remote.`,
    };
  }
  if (kind) return { answers: { dvcRemote: kind, dvcRemoteUrl: url } };
  return {
    answers: {},
    note: `.dvc/config's default remote ${url} is of none of the kinds ml-cicd knows (${dvcRemoteKinds.join(', ')}), so the DVC workflow cannot reach it until ml-cicd.yaml's data.remote names one: run add again with --dvc-remote and --dvc-remote-url, and set .dvc/config to the same remote.`,
  };
}

/**
 * A warning when the requirements the DVC jobs install (`lockPath`, ml-cicd.yaml's
 * train.requirements) do not have dvc.
 */
export function dvcRequirementWarning(
  dir: string,
  requirementsIn: string,
  lockPath = 'requirements.txt',
): string | undefined {
  const wanted = requirementsIn.split('\n').find((line) => /^dvc[[=]/.test(line));
  if (!wanted) return undefined;
  const lock = join(dir, lockPath);
  const text = existsSync(lock) ? readFileSync(lock, 'utf8') : '';
  if (/^dvc(\[[^\]]*\])?==/m.test(text)) return undefined;
  const input = lockPath.replace(/\.txt$/, '.in');
  return `warning: ${lockPath} has no dvc, and the DVC workflow runs dvc from it; add ${wanted} to ${input}, then run: ${lockCommand(input, lockPath)}`;
}
