/** A subcommand: its name and one-line summary for `ml-cicd --help`, and its code, loaded on use. */
import type { Io } from '../io.js';

export interface CommandModule {
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(argv: string[], io: Io): Promise<number>;
}

export interface Command {
  name: string;
  /** `validate [dir]`: the name and its arguments, for the command list. */
  usage: string;
  summary: string;
  /** Imported only when the command runs, so `--help` and the other commands start fast. */
  load(): Promise<CommandModule>;
}
