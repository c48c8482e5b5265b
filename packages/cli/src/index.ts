/** `ml-cicd <command>`: finds the command, runs it, and turns every failure into one message and an exit code. */
import pkg from '../package.json' with { type: 'json' };
import { commands } from './commands/index.js';
import { exitCodeOf, messageOf, UsageError } from './errors.js';
import { helpText } from './help.js';
import { processIo, type Io } from './io.js';

async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help') {
    io.out(helpText());
    return 0;
  }
  if (name === '-v' || name === '--version') {
    io.out(`${pkg.version}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const what = name.startsWith('-')
      ? `Unknown flag ${name}`
      : `Unknown command ${JSON.stringify(name)}`;
    const names = commands.map((candidate) => candidate.name).join(', ');
    throw new UsageError(`${what}. The commands are: ${names}. Run ml-cicd --help.`);
  }
  return (await command.load()).run(rest, io);
}

const io = processIo();
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.err(`${messageOf(error, pkg.version)}\n`);
    process.exitCode = exitCodeOf(error);
  },
);
