/** What the argparse reader returns: the flags of a training entry point, and how they were read. */

/** Where training starts: a script, `python -m <module>`, or a `[project.scripts]` entry. */
export type EntryPoint =
  | { kind: 'script'; path: string }
  | { kind: 'module'; module: string }
  | { kind: 'function'; name: string; target: string };

/** What argparse turns the flag's text into; `null` when a converter does something else. */
export type FlagKind = 'int' | 'float' | 'str' | 'bool';

export interface ScriptFlag {
  /** `['-d', '--max-depth']`; a positional argument has its dest only. */
  optionStrings: string[];
  /** The `action=` name (`store`, `store_true`, `BooleanOptionalAction`, ...). */
  action: string;
  kind: FlagKind | null;
  default: unknown;
  /** False when the default is not plain data (a `Path`, an expression read statically). */
  defaultKnown: boolean;
  choices: unknown[] | null;
  required: boolean;
  help: string | null;
  /** The attribute argparse stores the value in (`dest=`, else the long name with `_`). */
  dest?: string;
  /** `nargs=` of a `store` flag: `?`, `*`, `+` or a count; absent when it takes one value. */
  nargs?: string | number;
  /**
   * The texts a `store` flag's converter turns into true and false (`type=str2bool` takes
   * `true`/`false`; `type=bool` takes any text for true and only the empty text for false).
   */
  boolText?: { true: string; false: string };
  /** The mutually exclusive group the flag belongs to, the same for each flag of the group. */
  exclusiveGroup?: string;
  /**
   * A top-level key of a Hydra app's config rather than an argparse flag: `optionStrings` holds
   * the key alone, and a run sets it with the override `key=value`.
   */
  override?: boolean;
  /**
   * What the static reading could not know without running the script, with the code that computes
   * it: `{ default: 'os.cpu_count()' }`. Such a value is left unknown, never guessed.
   */
  unread?: Partial<Record<'default' | 'choices' | 'required', string>>;
  /** Where `add_argument` was called, relative to the project, when known. */
  file?: string;
  line?: number;
  column?: number;
}

/** An `add_argument` call the static reading could not understand. */
export interface UnreadableCall {
  /**
   * `add_argument`, `HfArgumentParser` for a dataclass whose fields are not read, or `hydra.main`
   * for a Hydra app whose config is not read.
   */
  call: string;
  file: string;
  line: number;
  column: number;
  reason: string;
}

export interface ArgparseReading {
  /** `import` ran the entry point up to `parse_args` (`--import`); `static` read its `add_argument` calls. */
  method: 'import' | 'static';
  python: { command: string; version: string };
  flags: ScriptFlag[];
  unreadable: UnreadableCall[];
  /** Why the import asked for with `--import` was not used, when `method` is `static`. */
  importError?: string;
  /** The Hydra config (relative to the project) whose top-level keys are the flags, for a Hydra app. */
  hydraConfig?: string;
}

export type ArgparseOutcome =
  | { status: 'read'; reading: ArgparseReading }
  | { status: 'no-python'; tried: string[] }
  | { status: 'failed'; message: string };
