/**
 * Runs the Python helper on an entry point and returns the flags it read. By default the helper
 * reads the `add_argument` calls statically, in isolated mode, so none of the project's code runs.
 * With `import`, it imports the entry point with `parse_args` intercepted (its top-level code
 * runs), and reads statically when the import fails or takes too long.
 */
import { execFile } from 'node:child_process';
import { readArgparseScript } from '../python/index.js';
import { pythonCandidates } from './find-python.js';
import type { ArgparseOutcome, ArgparseReading, EntryPoint, ScriptFlag } from './types.js';

export interface ReadOptions {
  /** The interpreter to use instead of `python3` or `python` on the PATH. */
  python?: string;
  /** Import the entry point (running its top-level code) rather than only reading its source. */
  import?: boolean;
  /** How long the import may take before it is stopped (default 20 s). */
  timeoutMs?: number;
}

const marker = '@@ml-cicd-argparse@@';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  missing: boolean;
  timedOut: boolean;
}

function run(command: string, args: string[], cwd: string, timeout: number): Promise<Run> {
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' };
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env, timeout, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { killed?: boolean }) | null;
        resolve({
          code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          stdout,
          stderr,
          missing: failure?.code === 'ENOENT',
          timedOut: Boolean(failure?.killed),
        });
      },
    );
  });
}

function entryArgs(entry: EntryPoint): string[] {
  if (entry.kind === 'script') return ['--script', entry.path];
  if (entry.kind === 'module') return ['--module', entry.module];
  return ['--entry', entry.target];
}

type Raw = Record<string, unknown>;

/** The texts read_argparse.py finds a `type=str2bool`-style converter to take (`type=bool`: ""). */
const boolTexts = /^(true\/false|True\/False|yes\/no|true\/)$/;

function toFlag(raw: Raw): ScriptFlag {
  const flag: ScriptFlag = {
    optionStrings: raw.option_strings as string[],
    action: raw.action as string,
    kind: (raw.kind ?? null) as ScriptFlag['kind'],
    default: raw.default,
    defaultKnown: raw.default_known === true,
    choices: (raw.choices ?? null) as unknown[] | null,
    required: raw.required === true,
    help: (raw.help ?? null) as string | null,
  };
  if (typeof raw.file === 'string') flag.file = raw.file.replaceAll('\\', '/');
  if (typeof raw.line === 'number') flag.line = raw.line;
  if (typeof raw.column === 'number') flag.column = raw.column;
  if (typeof raw.dest === 'string') flag.dest = raw.dest;
  if (typeof raw.nargs === 'string' || typeof raw.nargs === 'number') flag.nargs = raw.nargs;
  const [on, off] = Array.isArray(raw.bool_text) ? (raw.bool_text as unknown[]) : [];
  // Only the texts the helper tries: they go into train.yml's expressions as they are.
  if (typeof on === 'string' && typeof off === 'string' && boolTexts.test(`${on}/${off}`)) {
    flag.boolText = { true: on, false: off };
  }
  if (typeof raw.exclusive_group === 'string') flag.exclusiveGroup = raw.exclusive_group;
  if (raw.override === true) flag.override = true;
  if (raw.unread && typeof raw.unread === 'object')
    flag.unread = raw.unread as ScriptFlag['unread'];
  return flag;
}

/** Whether the entry point is a Hydra app (`@hydra.main`), its config read or not. */
export function isHydraApp(reading: ArgparseReading): boolean {
  return (
    reading.hydraConfig !== undefined ||
    reading.unreadable.some((call) => call.call === 'hydra.main')
  );
}

/** The helper's reading in its stdout, or undefined when the output is not the helper's. */
export function parseOutput(stdout: string, command: string): ArgparseOutcome | undefined {
  const at = stdout.lastIndexOf(marker);
  if (at < 0) return undefined;
  let raw: Raw;
  try {
    raw = JSON.parse(stdout.slice(at + marker.length)) as Raw;
  } catch {
    return { status: 'failed', message: `${command} printed output that is not the helper's JSON` };
  }
  if (raw.method === 'none') return { status: 'failed', message: String(raw.error) };
  const reading: ArgparseReading = {
    method: raw.method as ArgparseReading['method'],
    python: { command, version: String(raw.python) },
    flags: (raw.flags as Raw[]).map(toFlag),
    unreadable: (raw.unreadable as Raw[]).map((call) => ({
      call: typeof call.call === 'string' ? call.call : 'add_argument',
      file: String(call.file).replaceAll('\\', '/'),
      line: Number(call.line),
      column: Number(call.column),
      reason: String(call.reason),
    })),
  };
  if (typeof raw.import_error === 'string') reading.importError = raw.import_error;
  if (typeof raw.hydra_config === 'string') reading.hydraConfig = raw.hydra_config;
  return { status: 'read', reading };
}

/** The argparse flags of `entry`, a path relative to `dir` or a module found under it. */
export async function readArgparse(
  dir: string,
  entry: EntryPoint,
  options: ReadOptions = {},
): Promise<ArgparseOutcome> {
  const timeout = options.timeoutMs ?? 20_000;
  // -I: no PYTHON* variables, user site or current folder, so nothing of the project is imported.
  const statically = ['-I', readArgparseScript, '--root', dir, ...entryArgs(entry)];
  const args = options.import
    ? [readArgparseScript, '--root', dir, ...entryArgs(entry), '--import']
    : statically;
  const tried: string[] = [];
  let failure: string | undefined;
  for (const command of pythonCandidates(options.python)) {
    tried.push(command);
    const result = await run(command, args, dir, timeout);
    if (result.missing) continue;
    if (result.timedOut && options.import) {
      const fallback = await run(command, statically, dir, timeout);
      const outcome = parseOutput(fallback.stdout, command);
      if (outcome?.status === 'read') {
        outcome.reading.importError = `importing took longer than ${timeout / 1000} s`;
      }
      if (outcome) return outcome;
    }
    const outcome = parseOutput(result.stdout, command);
    if (outcome) return outcome;
    // Not our helper's output: a broken interpreter or a launcher stub. Try the next one.
    failure ??= `${command} exited with ${result.code}: ${lastLine(result.stderr)}`;
  }
  return failure ? { status: 'failed', message: failure } : { status: 'no-python', tried };
}

function lastLine(text: string): string {
  return text.trim().split(/\r?\n/).at(-1) ?? '';
}
