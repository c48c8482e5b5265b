/**
 * Reads the raw template files of a feature (`templates/<feature-id>/`) and the static workflow
 * files (`workflows/`), applying the only substitutions the engine makes: the project and package
 * names, in file contents and path names, and the leading-underscore names of dot-files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

export interface Assets {
  /** The `templates/` folder: one folder per feature id, and `locks/`. */
  templatesDir: string;
  /** The `workflows/` folder of static reusable workflows and local actions. */
  workflowsDir: string;
}

export interface Tokens {
  project: string;
  pkg: string;
}

/** Dot-files are stored without their dot so they do not act on this repository. */
const storedNames: Record<string, string> = {
  _gitignore: '.gitignore',
  _github: '.github',
};

/** Caches and editor litter that may sit beside templates in a working tree. */
const ignored = new Set(['__pycache__', '.pytest_cache', '.ruff_cache', '.venv', 'outputs']);

export function substitute(text: string, tokens: Tokens): string {
  return text.replaceAll('__pkg__', tokens.pkg).replaceAll('__project__', tokens.project);
}

function walk(dir: string, prefix: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (ignored.has(entry.name) || entry.name.endsWith('.pyc')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(join(dir, entry.name), relative, out);
    else out.push(relative);
  }
}

export class TemplateReader {
  constructor(
    readonly assets: Assets,
    private readonly tokens: Tokens,
  ) {}

  /** Every file of `templates/<featureId>/` at its destination path, tokens replaced. */
  feature(featureId: string): Map<string, string> {
    const root = join(this.assets.templatesDir, featureId);
    const paths: string[] = [];
    walk(root, '', paths);
    const files = new Map<string, string>();
    for (const path of paths.sort()) {
      const parts = path.split('/').map((part) => storedNames[part] ?? part);
      const destination = substitute(posix.join(...parts), this.tokens);
      files.set(
        destination,
        substitute(readFileSync(join(root, ...path.split('/')), 'utf8'), this.tokens),
      );
    }
    return files;
  }

  /** A static file of `workflows/`, as it is. */
  workflow(path: string): string {
    return readFileSync(join(this.assets.workflowsDir, ...path.split('/')), 'utf8');
  }
}
