/** Relative posix path -> UTF-8 text content. */
export type Plan = ReadonlyMap<string, string>;

export type FileAction = 'create' | 'overwrite' | 'identical';

export interface PlannedFile {
  path: string;
  action: FileAction;
}

export interface WriteOptions {
  /** Overwrite existing files whose content differs (and write into a non-empty new-project target). */
  force?: boolean;
  /** Write nothing; report the actions, the conflicts and a unified diff. */
  dryRun?: boolean;
  /**
   * `new-project` (default): the target must be missing, empty or hold only `.git`.
   * `into-existing`: add files to an existing tree, never clobbering a file without `force`.
   */
  mode?: 'new-project' | 'into-existing';
  /**
   * An existing file that uses CRLF line endings is written with CRLF, so a merge or a rewrite
   * keeps the repository's style and an unchanged file stays identical (C10). New files get LF.
   */
  keepLineEndings?: boolean;
  /** Plan paths written with mode 0o755. */
  executable?: ReadonlySet<string>;
  /** Aborting stops the write and removes what it created, like SIGINT does. */
  signal?: AbortSignal;
}

export interface WriteResult {
  /** Every plan path, sorted, with what the write does (or, in dry-run, would do with `force`). */
  files: PlannedFile[];
  /** Unified diff of every created or overwritten file: made only in dry-run (empty otherwise). */
  diff: string;
  /** Number of files written: 0 in dry-run. */
  written: number;
  /** Existing files that differ: they need `force` (in dry-run they are listed as `overwrite`). */
  conflicts: string[];
}
