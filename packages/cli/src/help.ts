/** `ml-cicd --help`: the command list comes from the registry. */
import { commands } from './commands/index.js';

export function helpText(): string {
  const width = Math.max(...commands.map((command) => command.usage.length)) + 4;
  return `Usage: ml-cicd <command> [flags]

Keep a repository's ML CI consistent, valid and safe.

Commands:
${commands.map((command) => `  ${command.usage.padEnd(width)}${command.summary}`).join('\n')}

Flags:
  -h, --help      show this help (ml-cicd <command> --help for a command's flags)
  -v, --version   show the version
`;
}
