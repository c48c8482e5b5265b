import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectFiles } from './types.js';

const YAML = /\.ya?ml$/;

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function findProjectFiles(dir: string): Promise<ProjectFiles> {
  const workflows = (await entries(join(dir, '.github', 'workflows')))
    .filter((entry) => entry.isFile() && YAML.test(entry.name))
    .map((entry) => `.github/workflows/${entry.name}`);
  const actions: string[] = [];
  for (const entry of await entries(join(dir, '.github', 'actions'))) {
    if (!entry.isDirectory()) continue;
    const metadata = (await entries(join(dir, '.github', 'actions', entry.name))).find(
      (file) => file.isFile() && (file.name === 'action.yml' || file.name === 'action.yaml'),
    );
    if (metadata) actions.push(`.github/actions/${entry.name}/${metadata.name}`);
  }
  const dependabot = (await entries(join(dir, '.github')))
    .filter((entry) => entry.isFile() && /^dependabot\.ya?ml$/.test(entry.name))
    .map((entry) => `.github/${entry.name}`);
  return { workflows: workflows.sort(), actions: actions.sort(), dependabot };
}
