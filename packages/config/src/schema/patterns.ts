/**
 * The patterns the schema enforces, each with the words that tell a user what would match
 * (error messages say "must be <meaning>" instead of showing the regular expression).
 */
import { dataKinds, runnerKinds } from './kinds.js';

export interface NamedPattern {
  pattern: string;
  meaning: string;
}

export const projectName: NamedPattern = {
  pattern: '^[a-z][a-z0-9-]*[a-z0-9]$',
  meaning:
    'lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit (e.g. my-project)',
};

export const packageName: NamedPattern = {
  pattern: '^[a-z_][a-z0-9_]*$',
  meaning:
    'a Python package name of lowercase letters, digits and underscores, not starting with a digit (e.g. my_project)',
};

/**
 * Param names: the flag as the script spells it, which is also a workflow_dispatch input id
 * (GitHub's ids: letters, digits, `_` and `-`, starting with a letter or `_`, under 100 characters).
 */
export const paramName: NamedPattern = {
  pattern: '^[A-Za-z_][A-Za-z0-9_-]{0,98}$',
  meaning:
    'the flag as the script spells it: letters, digits, underscores and hyphens, starting with a letter or underscore, at most 99 characters (e.g. batch_size, max-depth, manualSeed)',
};

/** Rule ids. */
export const kebabName: NamedPattern = {
  pattern: '^[a-z][a-z0-9-]*$',
  meaning: 'lowercase letters, digits and hyphens, starting with a letter',
};

export const environmentName: NamedPattern = {
  pattern: '^[A-Za-z0-9_.-]+$',
  meaning: 'letters, digits, dots, hyphens and underscores (e.g. training)',
};

/** GitHub rejects secret and variable names that start with `GITHUB_`. */
export const secretName: NamedPattern = {
  pattern: '^(?!GITHUB_)[A-Z_][A-Z0-9_]*$',
  meaning:
    'upper-case letters, digits and underscores, not starting with a digit or GITHUB_ (e.g. MLFLOW_TRACKING_TOKEN)',
};

/**
 * Text train.yml copies as is (a param's description and choices): a line break breaks the
 * workflow's YAML and `${{` would be evaluated as a GitHub expression.
 */
export const inertLine: NamedPattern = {
  pattern: '^(?![\\s\\S]*(?:\\$\\{\\{|[\\r\\n]))',
  meaning: 'one line of text without ${{, which GitHub would evaluate as an expression',
};

/** The data file of `dataset`: inside the repository (relative, no `..` segment), CSV or Parquet. */
export const datasetPath: NamedPattern = {
  pattern:
    '^(?![/\\\\])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))[^\\r\\n]+\\.(?:csv|parquet|pq)$',
  meaning:
    'a path relative to the repository root, inside it, ending in .csv, .parquet or .pq (e.g. data/train.csv)',
};

const meanings = new Map(
  [
    projectName,
    packageName,
    paramName,
    kebabName,
    environmentName,
    secretName,
    inertLine,
    datasetPath,
    ...[...runnerKinds, ...dataKinds].flatMap((kind) => kind.patterns ?? []),
  ].map(({ pattern, meaning }) => [pattern, meaning]),
);

/** What a schema pattern means in words. */
export function patternMeaning(pattern: string): string | undefined {
  return meanings.get(pattern);
}
