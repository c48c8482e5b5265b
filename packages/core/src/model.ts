/**
 * The project model that feature modules contribute to. It holds data, not text: the engine
 * serialises it into files once every feature has contributed.
 */
import type { MlCicdConfig } from '@ml-cicd/config';
import type { PypiPackage } from './versions.js';

export interface EnvVar {
  name: string;
  description: string;
  /** A secret's value never appears in files; `.env.example` shows it empty. */
  secret: boolean;
  /** Shown commented out in `.env.example` when reading the variable is optional. */
  default?: string;
}

export interface ReadmeSection {
  title: string;
  /** Markdown; a function when it lists what other features contribute. */
  body: string | ((model: ProjectModel) => string);
  /** Sections are sorted by this, then by title. */
  order: number;
}

/** Where jobs run, decided by the runner feature. */
export interface RunnerSpec {
  /** The `runs-on` value. */
  runsOn: string | string[];
  /** Custom labels, declared for actionlint in `.github/actionlint.yaml`. */
  labels: string[];
  /** The runner must never run code from a fork's pull request (self-hosted, cloud). */
  trustedCodeOnly: boolean;
}

/** A YAML file built from the final model, so every feature's contribution is in it. */
export interface YamlFile {
  build: (model: ProjectModel) => unknown;
  /** The header comment, without `#`. */
  comment?: string;
}

export class ProjectModel {
  /** Files copied as they are: relative posix path -> content. */
  readonly files = new Map<string, string>();
  readonly yamlFiles = new Map<string, YamlFile>();
  readonly requirements = new Set<PypiPackage>();
  readonly devRequirements = new Set<PypiPackage>();
  readonly envVars: EnvVar[] = [];
  readonly readme: ReadmeSection[] = [];
  /** `vars.*` names the workflows read, declared for actionlint. */
  readonly configVariables = new Set<string>();
  runner: RunnerSpec = { runsOn: 'ubuntu-latest', labels: [], trustedCodeOnly: false };

  constructor(readonly config: MlCicdConfig) {}

  addFile(path: string, content: string): void {
    if (this.files.has(path) || this.yamlFiles.has(path)) {
      throw new Error(`Two features write ${path}.`);
    }
    this.files.set(path, content);
  }

  addYaml(path: string, file: YamlFile): void {
    if (this.files.has(path) || this.yamlFiles.has(path)) {
      throw new Error(`Two features write ${path}.`);
    }
    this.yamlFiles.set(path, file);
  }
}
