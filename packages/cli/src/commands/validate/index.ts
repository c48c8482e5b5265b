/** `ml-cicd validate [dir]`: run the rules, print the findings in the chosen format, exit 1 on any. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFlags } from '@ml-cicd/core';
import { oneOf } from '../../args.js';
import { UsageError, UserError } from '../../errors.js';
import { formats, render } from '../../format/index.js';
import type { Io } from '../../io.js';
import { atLeast, severities } from '../../validate/finding.js';
import { help, notAFolder } from './messages.js';

const flags = {
  format: { type: 'string' },
  'min-severity': { type: 'string' },
  python: { type: 'string' },
  import: { type: 'boolean' },
  public: { type: 'boolean' },
  script: { type: 'string' },
  module: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(argv, flags, 'ml-cicd validate');
  if (values.help) {
    const { everyRule } = await import('../../rules/index.js');
    io.out(help(everyRule));
    return 0;
  }
  if (positionals.length > 1) {
    throw new UsageError(
      `Expected one folder, got ${positionals.length}: ${positionals.join(' ')}.`,
    );
  }
  if (values.script && values.module) {
    throw new UsageError('--script and --module cannot be used together.');
  }
  const format = oneOf('--format', values.format, formats, 'text');
  const minSeverity = oneOf('--min-severity', values['min-severity'], severities, 'warning');
  const given = positionals[0] ?? '.';
  const dir = resolve(io.cwd, given);
  if (!isFolder(dir)) throw new UserError(notAFolder(given));

  const { validateProject } = await import('../../validate/validate-project.js');
  const report = await validateProject(dir, {
    // A path to an interpreter is the caller's, who may be in another folder than dir.
    python:
      values.python && /[\\/]/.test(values.python) ? resolve(io.cwd, values.python) : values.python,
    script: values.script,
    module: values.module,
    import: values.import ?? false,
    ...(values.public ? { public: true } : {}),
  });
  io.out(render(format, report, { minSeverity, color: io.color, cwd: io.cwd }));
  return report.findings.some((finding) => atLeast(finding.severity, minSeverity)) ? 1 : 0;
}
