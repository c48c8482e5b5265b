/**
 * Reads the repository into a `Project`: `ml-cicd.yaml` through `@ml-cicd/config`, parsed once (its
 * YAML, schema and rule findings, and the file with positions the other rules read), the workflows
 * and local actions with the same YAML loader, and the `*.rej` files. What cannot be read becomes a
 * finding, never an exception.
 */
import { isMap } from 'yaml';
import { loadConfig, parseYamlFile, yamlErrors } from '@ml-cicd/config';
import type { Finding } from './finding.js';
import { actionPaths, rejectPaths, workflowPaths } from './find-files.js';
import { configPath, createProject, type Project, type ProjectOptions } from './project.js';
import type { WorkflowFile } from './workflow.js';

export interface LoadedProject {
  project: Project;
  findings: Finding[];
}

function readConfig(project: Project): Finding[] {
  const text = project.read(configPath);
  if (text === undefined) {
    project.note(
      `${configPath} not found: only the workflows and requirements were checked (ml-cicd add workflow creates it).`,
    );
    return [];
  }
  const { file, config, findings } = loadConfig(text, configPath);
  if (file.doc.errors.length === 0) project.configFile = file;
  if (config) project.config = config;
  return findings;
}

function readWorkflows(project: Project): Finding[] {
  const findings: Finding[] = [];
  const files = [
    ...workflowPaths(project.dir).map((path) => ({ path, kind: 'workflow' as const })),
    ...actionPaths(project.dir).map((path) => ({ path, kind: 'action' as const })),
  ];
  for (const { path, kind } of files) {
    project.yamlPaths.push(path);
    const text = project.read(path);
    if (text === undefined) continue;
    const file = parseYamlFile(path, text);
    const problems = yamlErrors(file);
    findings.push(...problems);
    // GitHub's parser reports a file that is YAML but not a mapping; the rules need a mapping.
    if (problems.length === 0 && isMap(file.doc.contents)) {
      project.workflows.push({ ...file, kind, root: file.doc.contents } as WorkflowFile);
    }
  }
  return findings;
}

export function loadProject(dir: string, options: ProjectOptions): LoadedProject {
  const project = createProject(dir, options);
  const findings = [...readConfig(project), ...readWorkflows(project)];
  const outputs = project.config?.outputs.dir.replace(/^\.\/|\/$/g, '');
  const rejects = rejectPaths(dir, outputs ? [outputs] : []);
  project.rejects.push(...rejects.paths);
  if (rejects.truncated) {
    project.note(
      'Stopped looking for *.rej files after 50000 entries; the rest were not searched.',
    );
  }
  return { project, findings };
}
