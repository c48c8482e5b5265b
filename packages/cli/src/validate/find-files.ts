/** The files `validate` reads: workflows, local actions, and `*.rej` files left by a merge. */
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

const yamlFile = /\.ya?ml$/;

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES') return [];
    throw error;
  }
}

export function workflowPaths(dir: string): string[] {
  return list(join(dir, '.github', 'workflows'))
    .filter((entry) => entry.isFile() && yamlFile.test(entry.name))
    .map((entry) => `.github/workflows/${entry.name}`)
    .sort();
}

export function actionPaths(dir: string): string[] {
  return list(join(dir, '.github', 'actions'))
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const found = list(join(dir, '.github', 'actions', entry.name)).find(
        (file) => file.isFile() && /^action\.ya?ml$/.test(file.name),
      );
      return found ? [`.github/actions/${entry.name}/${found.name}`] : [];
    })
    .sort();
}

/** Hidden folders other than these hold no files of the project (`.git`, `.venv`, caches). */
const visibleDotFolders = new Set(['.github', '.ml-cicd']);
const skipped = new Set(['node_modules', '__pycache__']);

export interface RejectSearch {
  paths: string[];
  /** True when the walk stopped at `limit` entries. */
  truncated: boolean;
}

/** `*.rej` files anywhere in the project, skipping virtual environments and the given folders. */
export function rejectPaths(dir: string, skip: string[] = [], limit = 50_000): RejectSearch {
  return findPaths(dir, (name) => name.endsWith('.rej'), skip, limit);
}

/** Files whose name `matches`, anywhere in the project but virtual environments and `skip`. */
export function findPaths(
  dir: string,
  matches: (name: string) => boolean,
  skip: string[] = [],
  limit = 50_000,
): RejectSearch {
  const paths: string[] = [];
  const skippedPaths = new Set(skip);
  let seen = 0;
  const walk = (relative: string): boolean => {
    for (const entry of list(relative ? join(dir, relative) : dir)) {
      if (++seen > limit) return false;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        const hidden = entry.name.startsWith('.') && !visibleDotFolders.has(entry.name);
        if (hidden || skipped.has(entry.name) || skippedPaths.has(path)) continue;
        if (existsSync(join(dir, path, 'pyvenv.cfg'))) continue;
        if (!walk(path)) return false;
      } else if (matches(entry.name)) {
        paths.push(path);
      }
    }
    return true;
  };
  const complete = walk('');
  return { paths: paths.sort(), truncated: !complete };
}
