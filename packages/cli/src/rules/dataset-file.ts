import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlFile } from '@ml-cicd/config';
import type { Project } from '../validate/project.js';
import { entry } from '../validate/yaml-nodes.js';
import { teamsOwnFile } from './managed-files.js';
import { problemAt, type Problem, type Rule } from './rule.js';
import { syncCommand } from './sync-hint.js';

const pipeline = 'dvc.yaml';

/** A file of the working tree, without reading it: a data set may be large. */
function isFile(project: Project, path: string): boolean {
  try {
    return statSync(join(project.dir, ...path.split('/'))).isFile();
  } catch {
    return false;
  }
}

/** The deps and outs of every stage of dvc.yaml, as written. */
function pipelinePaths(content: string): { deps: string[]; outs: string[] } {
  const stages = parseYamlFile(pipeline, content).doc.toJS()?.stages;
  const listed = (key: 'deps' | 'outs') =>
    Object.values(typeof stages === 'object' && stages !== null ? stages : {}).flatMap(
      (stage) => ((stage as Record<string, unknown>)?.[key] as unknown[] | undefined) ?? [],
    );
  const paths = (items: unknown[]) =>
    items.flatMap((item) =>
      typeof item === 'string' ? [item] : typeof item === 'object' && item ? Object.keys(item) : [],
    );
  return { deps: paths(listed('deps')), outs: paths(listed('outs')) };
}

function check(project: Project): Problem[] {
  const { config, configFile } = project;
  const path = config?.dataset?.path;
  if (!path || !configFile) return [];
  const at = entry(entry(configFile.doc.contents, 'dataset')?.value, 'path')?.value;
  const dvc = project.read(pipeline);
  const { deps, outs } = dvc === undefined ? { deps: [], outs: [] } : pipelinePaths(dvc);
  const tracked = isFile(project, `${path}.dvc`) || outs.includes(path);
  const problems: Problem[] = [];
  if (!tracked && !isFile(project, path)) {
    problems.push(
      problemAt(
        configFile,
        at,
        `dataset.path is ${path}, which is not in the repository, so every workflow would fail to load it; commit the file (or track it with DVC: dvc add ${path}, then commit ${path}.dvc), or correct the path.`,
      ),
    );
  }
  if (config.data?.kind === 'dvc' && dvc !== undefined && !teamsOwnFile(project, pipeline)) {
    if (!deps.includes(path)) {
      problems.push(
        problemAt(
          configFile,
          at,
          `dataset.path ${path} is not a dependency of any stage of ${pipeline}, so dvc repro would not rerun when the data changes; run ${syncCommand} to write it there.`,
        ),
      );
    }
  }
  return problems;
}

/** dataset-file: ml-cicd.yaml's dataset names a file of the repository, and DVC's pipeline reads it. */
export const datasetFile: Rule = {
  id: 'dataset-file',
  severity: 'error',
  security: [],
  doc: '`dataset.path` of `ml-cicd.yaml`, the file the generated project trains on, is in the repository (or tracked by DVC: a `<path>.dvc` file, or an output of a `dvc.yaml` stage), since every workflow trains from the commit; and with DVC, when ml-cicd wrote `dvc.yaml`, a stage lists it as a dependency, so `dvc repro` reruns when the data changes (`ml-cicd sync` writes it there).',
  check,
};
