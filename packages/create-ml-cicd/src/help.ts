/** `--help`, derived from the options registry so every choice a feature adds is listed. */
import { isYesNo, levels, options, type Option } from '@ml-cicd/core';

function values(option: Option): string {
  switch (option.kind) {
    case 'choice':
      return option.choices.map((choice) => choice.value).join('|');
    case 'list':
      return 'a,b';
    case 'number':
      return `${option.min}-${option.max}`;
    case 'text':
      return option.flag.split('-').at(-1) ?? option.flag;
  }
}

function fallback(option: Option): string {
  switch (option.kind) {
    case 'list':
      return ` (default ${option.default.join(',')})`;
    case 'text':
      if (option.default === undefined) return ' (default: the folder name)';
      // An empty default means "not set": the option's help says what happens then.
      return option.default === '' ? '' : ` (default ${option.default})`;
    default:
      return ` (default ${option.default})`;
  }
}

function usage(option: Option): string {
  const when = option.when ? `, ${option.when.description}` : '';
  // A flag longer than its column still gets one space before its help.
  const negation = isYesNo(option) ? `, --no-${option.flag}` : '';
  const flag = `  --${option.flag} <${values(option)}>${negation}`.padEnd(39);
  return `${flag} ${option.help}${fallback(option)}${when}`;
}

export function helpText(): string {
  return `Usage: create-ml-cicd [folder] [flags]
       create-ml-cicd init [folder] [--name <name>] [--force] [--dry-run] [--json]

Scaffold a Python ML project that trains reproducibly on GitHub Actions. init sets up a
repository made with GitHub's "Use this template": it names the project after the repository.

Maturity level (a preset of the answers below; every flag overrides it):
${levels.map((level) => `  --level ${level.id}`.padEnd(39) + ` ${level.automates}`).join('\n')}

Project:
${options.map(usage).join('\n')}

Behaviour:
  -y, --yes                             accept the defaults for everything not given as a flag
  --interactive, --no-interactive       ask questions (default: only on a terminal)
  --git, --no-git                       create a git repository with a first commit (default: on)
  --install                             create .venv and install the pinned requirements
  --force                               write into a folder that has files, overwriting them
  --dry-run                             show what would be written, with a diff; write nothing
  --json                                print the plan and result as JSON
  --answers <file.json>                 take answers from a JSON object (e.g. the "answers" of a
                                        project's .ml-cicd/manifest.json); flags override them
  -h, --help                            show this help
  -v, --version                         show the version

Examples:
  npm create ml-cicd@latest my-project
  npm create ml-cicd@latest my-project -- --yes --runner self-hosted --runner-labels linux,gpu
  npm create ml-cicd@latest my-project -- --yes --runner ec2 --ec2-region eu-west-1 --runner-timeout 240
`;
}
