import { parseYamlFile } from '@ml-cicd/config';
import type { Project } from '../validate/project.js';
import { sameValue, show } from '../validate/show.js';
import { entries, entry, text } from '../validate/yaml-nodes.js';
import { teamsOwnFile } from './managed-files.js';
import { problemAt, type Problem, type Rule } from './rule.js';
import { runSync } from './sync-hint.js';

export const paramsYamlPath = 'params.yaml';

const fix = runSync(paramsYamlPath);

function check(project: Project): Problem[] {
  const { config, configFile } = project;
  if (config?.data?.kind !== 'dvc' || !configFile || teamsOwnFile(project, paramsYamlPath))
    return [];
  const content = project.read(paramsYamlPath);
  if (content === undefined) {
    return [
      problemAt(
        configFile,
        entry(configFile.doc.contents, 'data')?.keyNode,
        `data.kind is dvc, but ${paramsYamlPath} is missing, which dvc repro reads; run ml-cicd sync --force to write it from ml-cicd.yaml's params.`,
      ),
    ];
  }
  const file = parseYamlFile(paramsYamlPath, content);
  const written = entries(file.doc.contents);
  const problems = Object.entries(config.params).flatMap(([name, param]) => {
    const found = written.find((candidate) => candidate.key === name);
    if (!found) {
      const key = entry(entry(configFile.doc.contents, 'params')?.value, name)?.keyNode;
      return [
        problemAt(
          configFile,
          key,
          `params.${name} is not in ${paramsYamlPath}; ${fix} (it adds "${name}: ${String(param.default)}").`,
        ),
      ];
    }
    const value = text(found.value);
    if (value !== undefined && sameValue(value, param.default)) return [];
    return [
      problemAt(
        file,
        found.value ?? found.keyNode,
        `"${name}" is ${show(value ?? null)} in ${paramsYamlPath}, but params.${name}.default is ${show(param.default)}; ${fix}, or change the default there.`,
      ),
    ];
  });
  const extra = written
    .filter((candidate) => !(candidate.key in config.params))
    .map((candidate) =>
      problemAt(
        file,
        candidate.keyNode,
        `"${candidate.key}" of ${paramsYamlPath} is not in the params of ml-cicd.yaml; add params.${candidate.key} there, or ${fix} (it removes it).`,
      ),
    );
  return [...problems, ...extra];
}

/** dvc-params-match: with DVC, params.yaml holds exactly the defaults of ml-cicd.yaml's params. */
export const dvcParamsMatch: Rule = {
  id: 'dvc-params-match',
  severity: 'error',
  security: [],
  doc: '`params.yaml`, which `dvc repro` reads, holds exactly the `params` of `ml-cicd.yaml` (the one source) with their defaults: no param missing, none extra, no other value. Checked when `data.kind` is `dvc` and ml-cicd wrote `params.yaml` (a pipeline the team already had is left to it). `ml-cicd sync` writes the params of `ml-cicd.yaml` into `params.yaml` and the stages of `dvc.yaml`.',
  check,
};
