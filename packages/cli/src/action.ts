/**
 * The entry of the ml-cicd action that generated repositories carry in `.github/actions/ml-cicd`:
 * `ml-cicd validate --format github` on the checked-out repository, with the action's inputs.
 * GitHub's workflow parser stays out of this bundle: GitHub parses the workflows itself when they
 * run, and the parser would double the size of every generated repository's copy.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pkg from '../package.json' with { type: 'json' };
import { oneOf } from './args.js';
import { exitCodeOf, messageOf } from './errors.js';
import { annotationData, formatGithub } from './format/github.js';
import { rules } from './rules/index.js';
import { workflowParser } from './rules/workflow-parser.js';
import { atLeast, severities } from './validate/finding.js';
import { validateProject } from './validate/validate-project.js';

/** An input as GitHub passes it to a JavaScript action: `INPUT_<NAME>`, hyphens kept. */
function input(name: string): string | undefined {
  return process.env[`INPUT_${name.toUpperCase()}`]?.trim() || undefined;
}

/** Whether the repository is public, from the event GitHub wrote to disk for this run (offline). */
function repositoryIsPublic(): boolean | undefined {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  try {
    const event = JSON.parse(readFileSync(path, 'utf8')) as { repository?: { private?: unknown } };
    const hidden = event.repository?.private;
    return typeof hidden === 'boolean' ? !hidden : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const minSeverity = oneOf('The min-severity input', input('min-severity'), severities, 'warning');
  const cwd = process.cwd();
  const report = await validateProject(resolve(cwd, input('directory') ?? '.'), {
    python: input('python'),
    import: input('import') === 'true',
    public: repositoryIsPublic(),
    rules: rules.filter((rule) => rule !== workflowParser),
  });
  report.notes.push(
    "GitHub's workflow parser is not part of this action (GitHub parses the workflows when they run); npx ml-cicd validate runs it too.",
  );
  process.stdout.write(formatGithub(report, { minSeverity, color: false, cwd }));
  return report.findings.some((finding) => atLeast(finding.severity, minSeverity)) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(
      `::error title=ml-cicd::${annotationData(messageOf(error, pkg.version))}\n`,
    );
    process.exitCode = exitCodeOf(error);
  },
);
