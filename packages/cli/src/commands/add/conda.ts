/**
 * A conda environment file as the direct dependencies `--lock` locks. The workflows install from
 * PyPI with uv, so its conda packages become their PyPI names with their versions in PEP 440, its
 * `pip:` section is taken as it is, what only conda has (CUDA, BLAS) is left out and named, and
 * the interpreter goes unsaid: its version is the one the workflows run (team-python.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
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
 * A conda version spec as PEP 440: `=1.5` means any 1.5.x to conda, `1.5`, `==1.5` and
 * `=1.5=<build>` exactly 1.5, comparisons stay, and what has no PEP 440 form (`|`, brackets) is
 * dropped.
 */
function pep440(spec: string): string {
  // A build string after the version (`==1.5=py311_0`) is conda's alone.
  if (/^(==|>=|<=|!=|~=|>|<)/.test(spec))
    return spec.split(/\s+/)[0]!.replace(/(\d)=[^=<>,]*$/, '$1');
  const fuzzy = spec.startsWith('=');
  const [version, build] = spec.replace(/^=/, '').split(/[=\s]+/);
  if (!version || !/^[\w.+!-]+\*?$/.test(version)) return '';
  if (version.endsWith('*') || (fuzzy && build === undefined)) {
    return `==${version.replace(/\.?\*$/, '')}.*`;
  }
  return `==${version}`;
}

interface CondaPackage {
  name: string;
  /** The version spec after the name, as conda writes it. */
  spec: string;
}

/** The conda packages and the pip: lines of an environment file's text. */
function environmentOf(text: string, file: string): { conda: CondaPackage[]; pip: string[] } {
  let environment: { dependencies?: unknown } | null;
  try {
    environment = parse(text) as typeof environment;
  } catch (error) {
    const why = error instanceof YAMLError ? error.message.split('\n')[0] : String(error);
    throw new UserError(
      `${file} is not valid YAML (${why}), so its packages cannot be read; fix it, or list the direct dependencies in requirements.in (nothing was written).`,
    );
  }
  const dependencies = Array.isArray(environment?.dependencies) ? environment.dependencies : [];
  const conda: CondaPackage[] = [];
  const pip: string[] = [];
  for (const dependency of dependencies) {
    if (typeof dependency === 'string') {
      // A channel may prefix the name: conda-forge::numpy, conda-forge/label/dev::numpy.
      const match = /^(?:\S*::)?([A-Za-z0-9_.-]+)\s*(.*)$/.exec(dependency.trim());
      if (match) conda.push({ name: match[1]!.toLowerCase(), spec: match[2]!.trim() });
    } else if (dependency && typeof dependency === 'object' && 'pip' in dependency) {
      const lines = (dependency as { pip: unknown }).pip;
      if (Array.isArray(lines)) pip.push(...lines.map(String));
    }
  }
  return { conda, pip };
}

/** The Python version an environment file pins (`python=3.11`, `python==3.11.5`, `python 3.11`). */
export function condaPython(text: string, file: string): string | undefined {
  const python = environmentOf(text, file).conda.find((each) => each.name === 'python');
  return /^=?=?\s*(\d+\.\d+)/.exec(python?.spec ?? '')?.[1];
}

export interface CondaRequirements {
  /** requirements.in lines: the PyPI names with their versions, then the pip: section. */
  lines: string[];
  /** The conda packages left out, as PyPI has none of them (the interpreter goes unsaid). */
  condaOnly: string[];
}

/** The requirements of an environment file; undefined when it lists nothing PyPI has. */
export function condaRequirements(text: string, file: string): CondaRequirements | undefined {
  const { conda, pip } = environmentOf(text, file);
  const lines: string[] = [];
  const left: string[] = [];
  for (const { name, spec } of conda) {
    if (interpreter.has(name)) continue;
    if (condaOnly.has(name)) left.push(name);
    else lines.push(`${pypiNames[name] ?? name}${pep440(spec)}`);
  }
  lines.push(...pip);
  return lines.length > 0 ? { lines, condaOnly: left } : undefined;
}

/** The repository's environment file and the requirements it gives, when it gives any. */
export function condaSource(
  dir: string,
): { file: string; requirements: CondaRequirements } | undefined {
  const file = condaEnvironmentFile(dir);
  const requirements = file && condaRequirements(readFileSync(join(dir, file), 'utf8'), file);
  return file && requirements ? { file, requirements } : undefined;
}
