/**
 * A conda environment file as the direct dependencies `--lock` locks. The workflows install from
 * PyPI with uv, so its conda packages become their PyPI names with their versions in PEP 440, its
 * `pip:` section is taken as it is, and what only conda has (the interpreter, CUDA, BLAS) is left
 * out and named.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse, YAMLError } from 'yaml';
import { UserError } from '../../errors.js';

const environmentFiles = ['environment.yml', 'environment.yaml'];

/** Where a conda package's PyPI name differs from its conda name. */
const pypiNames: Record<string, string> = {
  pytorch: 'torch',
  'py-xgboost': 'xgboost',
  'matplotlib-base': 'matplotlib',
  pytables: 'tables',
  'msgpack-python': 'msgpack',
  'python-graphviz': 'graphviz',
  opencv: 'opencv-python',
  'py-opencv': 'opencv-python',
};

/** What the workflow's own Python brings, and so goes without saying. */
const interpreter = new Set(['python', 'pip']);

/** Conda packages PyPI has no counterpart of: installers, CUDA and BLAS builds. */
const condaOnly = new Set([
  'conda',
  'mamba',
  'cudatoolkit',
  'cuda-toolkit',
  'cuda-version',
  'cuda-runtime',
  'cuda-nvcc',
  'cudnn',
  'nccl',
  'pytorch-cuda',
  'pytorch-mutex',
  'cpuonly',
  'mkl',
  'nomkl',
  'blas',
  'libblas',
  'liblapack',
  'openblas',
]);

/** The repository's conda environment file, if it has one. */
export function condaEnvironmentFile(dir: string): string | undefined {
  return environmentFiles.find((file) => existsSync(join(dir, file)));
}

/**
 * A conda version spec as PEP 440: `=1.5` and `1.5` mean any 1.5.x to conda, `=1.5=<build>` and
 * `==1.5` exactly 1.5, comparisons stay, and what has no PEP 440 form (`|`, brackets) is dropped.
 */
function pep440(spec: string): string {
  // A build string after the version (`==1.5=py311_0`) is conda's alone.
  if (/^(==|>=|<=|!=|~=|>|<)/.test(spec))
    return spec.split(/\s+/)[0]!.replace(/(\d)=[^=<>,]*$/, '$1');
  const [version, build] = spec.replace(/^=/, '').split(/[=\s]+/);
  if (!version || !/^[\w.+!-]+\*?$/.test(version)) return '';
  if (build !== undefined) return `==${version}`;
  return `==${version.replace(/\.?\*$/, '')}.*`;
}

export interface CondaRequirements {
  /** requirements.in lines: the PyPI names with their versions, then the pip: section. */
  lines: string[];
  /** The conda packages left out, as PyPI has none of them (the interpreter goes unsaid). */
  condaOnly: string[];
}

/** The requirements of an environment file; undefined when it lists no dependencies. */
export function condaRequirements(text: string, file: string): CondaRequirements | undefined {
  let environment: { dependencies?: unknown } | null;
  try {
    environment = parse(text) as typeof environment;
  } catch (error) {
    const why = error instanceof YAMLError ? error.message.split('\n')[0] : String(error);
    throw new UserError(
      `${file} is not valid YAML (${why}), so --lock cannot read its packages; fix it, or list the direct dependencies in requirements.in (nothing was written).`,
    );
  }
  const dependencies = environment?.dependencies;
  if (!Array.isArray(dependencies)) return undefined;
  const lines: string[] = [];
  const left: string[] = [];
  for (const dependency of dependencies) {
    if (typeof dependency === 'string') {
      const match = /^(?:[\w.-]+::)?([A-Za-z0-9_.-]+)\s*(.*)$/.exec(dependency.trim());
      if (!match) continue;
      const name = match[1]!.toLowerCase();
      if (interpreter.has(name)) continue;
      if (condaOnly.has(name)) {
        left.push(name);
        continue;
      }
      lines.push(`${pypiNames[name] ?? name}${pep440(match[2]!.trim())}`);
    } else if (dependency && typeof dependency === 'object' && 'pip' in dependency) {
      const pip = (dependency as { pip: unknown }).pip;
      if (Array.isArray(pip)) lines.push(...pip.map(String));
    }
  }
  return lines.length > 0 ? { lines, condaOnly: left } : undefined;
}
