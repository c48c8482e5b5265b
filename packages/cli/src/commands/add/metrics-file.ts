/**
 * Where the training writes its metrics (ml-cicd.yaml's metrics.file): `--metrics-file`, else what
 * ml-cicd.yaml records, else the one metrics JSON path the script's source names, when it names one
 * other than the default (outputs/metrics.json). Read from the text, never by running the script.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryPoint } from '../../argparse/index.js';
import { UserError } from '../../errors.js';
import { moduleFile } from './dvc.js';
import type { ExistingConfig } from './existing-config.js';
import { repositoryPath } from './repository-path.js';

const defaultFile = 'outputs/metrics.json';

/**
 * A quoted relative path, with a folder, to a JSON file whose name says it holds metrics or
 * scores; a bare file name is left out, as the script may join it to a folder of its own.
 */
const metricsLiteral = /["']((?:[\w.-]+\/)+[\w.-]*(?:metric|score)[\w.-]*\.json)["']/gi;

/** The metrics JSON paths a script's source spells out in full. */
export function metricsPathsIn(source: string): string[] {
  return [...new Set([...source.matchAll(metricsLiteral)].map((match) => match[1]!))];
}

function entryFile(dir: string, entry: EntryPoint | undefined): string | undefined {
  if (entry?.kind === 'script') return entry.path;
  if (entry?.kind === 'module') return moduleFile(dir, entry.module);
  return undefined;
}

export function metricsFileOf(
  dir: string,
  entry: EntryPoint | undefined,
  flag: string | undefined,
  existing: ExistingConfig | undefined,
): { file?: string; note?: string } {
  if (flag !== undefined) {
    return { file: repositoryPath(flag, '--metrics-file', 'results/metrics.json') };
  }
  const recorded = existing?.doc.getIn(['metrics', 'file']);
  if (typeof recorded === 'string') {
    try {
      return {
        file: repositoryPath(recorded, "ml-cicd.yaml's metrics.file", 'results/metrics.json'),
      };
    } catch (error) {
      throw new UserError((error as Error).message);
    }
  }
  const file = entryFile(dir, entry);
  if (!file || !existsSync(join(dir, file))) return {};
  const paths = metricsPathsIn(readFileSync(join(dir, file), 'utf8'));
  const [only] = paths;
  if (paths.length !== 1 || only === defaultFile || only!.split('/').includes('..')) return {};
  return {
    file: only,
    note: `${file} writes its metrics to ${only}, so metrics.file is ${only} (the workflows upload and summarise it); pass --metrics-file <path> if it is another file.`,
  };
}
