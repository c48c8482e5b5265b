/** What `ml-cicd validate` says, apart from its logic. */
import type { everyRule } from '../../rules/index.js';

export const usage = 'validate [dir]';

export const summary =
  'check ml-cicd.yaml, the workflows, the training flags and the pins agree and are safe';

export function help(rules: typeof everyRule): string {
  const width = Math.max(...rules.map((rule) => rule.id.length)) + 2;
  const lines = rules.map((rule) =>
    `  ${rule.id.padEnd(width)}${rule.severity.padEnd(9)}${rule.security.join(' ')}`.trimEnd(),
  );
  return `Usage: ml-cicd validate [dir] [flags]

Check, offline, that the repository in dir (default: the current folder) is consistent, valid and
safe: ml-cicd.yaml against its schema; its params against the Train workflow's inputs and the
training script's argparse flags; secrets, pins and generated files; every workflow against
GitHub's parser and the security rules below.

Flags:
  --format <text|json|github|sarif>     output: text (default), json, GitHub annotations, SARIF 2.1.0
  --min-severity <error|warning|info>   report findings from this severity up (default warning)
  --public                              the repository is public: warn when its workflows
                                        use runners that are not GitHub's (public-runner-approval)
  --import                              read the script's flags by importing it (its
                                        top-level code runs) instead of reading its source
  --python <path>                       interpreter that reads the script's flags
                                        (default: python3, then python; never the
                                        repository's .venv unless named here)
  --script <path>                       training script (default: the one the train action runs,
                                        else train.py, else [project.scripts])
  --module <name>                       training module, run as python -m <name>
  -h, --help                            show this help

Rules (severity, SECURITY.md IDs). Turn one off with "rules: {<id>: off}" in ml-cicd.yaml, or on
one line with a "# ml-cicd: ignore[<id>]" comment:
${lines.join('\n')}

Exit codes: 0 nothing at or above --min-severity, 1 findings, 2 usage error.
`;
}

export const notAFolder = (dir: string) =>
  `${dir} is not a folder; pass the folder of the repository to validate.`;
