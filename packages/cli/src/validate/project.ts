/** What the rules see of the repository: its config, its workflows, and the files they read. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MlCicdConfig, YamlFile } from '@ml-cicd/config';
import type { EntryOverride } from '../argparse/index.js';
import type { WorkflowFile } from './workflow.js';

export const configPath = 'ml-cicd.yaml';

export interface ProjectOptions extends EntryOverride {
  /** The interpreter that reads the training script's flags. */
  python?: string;
  /** Read the flags by importing the script (its top-level code runs), not only its source. */
  import?: boolean;
  /** Whether the repository is public; undefined when not known (validate works offline). */
  public?: boolean;
}

export interface Project {
  /** Absolute path of the validated folder. */
  dir: string;
  options: ProjectOptions;
  /** `ml-cicd.yaml` with positions, when it exists and is valid YAML. */
  configFile?: YamlFile;
  /** `ml-cicd.yaml` as data, when it also matches the schema. */
  config?: MlCicdConfig;
  /** Every workflow and local action file found, readable or not. */
  yamlPaths: string[];
  /** Workflows and local actions that are valid YAML mappings. */
  workflows: WorkflowFile[];
  /** `*.rej` files left by a merge: relative paths. */
  rejects: string[];
  /** A file's text (relative path), or undefined when missing; cached for inline ignores. */
  read(path: string): string | undefined;
  /** Every file read so far, by relative path. */
  texts: ReadonlyMap<string, string>;
  /** Say what a check skipped or how it worked, without it being a finding. */
  note(message: string): void;
  notes: readonly string[];
}

export function createProject(dir: string, options: ProjectOptions): Project {
  const texts = new Map<string, string>();
  const notes: string[] = [];
  return {
    dir,
    options,
    yamlPaths: [],
    workflows: [],
    rejects: [],
    texts,
    notes,
    note: (message) => void notes.push(message),
    read(path) {
      if (texts.has(path)) return texts.get(path);
      let content: string;
      try {
        content = readFileSync(join(dir, ...path.split('/')), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
        throw error;
      }
      texts.set(path, content);
      return content;
    },
  };
}
