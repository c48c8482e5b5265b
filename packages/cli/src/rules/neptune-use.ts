import { findPaths } from '../validate/find-files.js';
import type { Project } from '../validate/project.js';
import { entryAt } from '../validate/yaml-nodes.js';
import { problemAt, type Problem, type Rule } from './rule.js';

const wayOut =
  'export the runs with neptune-exporter into MLflow or W&B, then run ml-cicd update --tracker mlflow (or --tracker wandb)';

const client = 'neptune(?:[-_.](?:scale|client|query))?';

/** What names Neptune in each kind of file, and the verb that says how. */
const checks: { files: (name: string) => boolean; pattern: RegExp; verb: string }[] = [
  {
    files: (name) => name.endsWith('.py'),
    pattern: /^\s*(?:import|from)\s+(neptune(?:_scale|_query)?)\b/,
    verb: 'imports',
  },
  {
    files: (name) => /^requirements.*\.(txt|in)$/.test(name),
    pattern: new RegExp(`^\\s*(${client})\\s*(?:[=<>!~;[@\\s]|$)`, 'i'),
    verb: 'requires',
  },
  {
    files: (name) => name === 'pyproject.toml',
    pattern: new RegExp(`["'](${client})\\s*(?:[=<>!~;[@"'\\s])`, 'i'),
    verb: 'requires',
  },
  {
    files: (name) => name === '.env.example' || /\.ya?ml$/.test(name),
    pattern: /\b(NEPTUNE_[A-Z0-9_]+)\b/,
    verb: 'uses',
  },
];

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function matchIn(path: string, line: string): { column: number; what: string } | undefined {
  for (const { files, pattern, verb } of checks) {
    if (!files(fileName(path))) continue;
    const found = pattern.exec(line);
    if (!found?.[1]) return undefined;
    return { column: found.index + found[0].indexOf(found[1]) + 1, what: `${verb} ${found[1]}` };
  }
  return undefined;
}

/** The first place in each file that names Neptune: one finding per file is enough. */
function fileProblems(project: Project): Problem[] {
  const candidate = (name: string) => checks.some(({ files }) => files(name));
  const { paths } = findPaths(project.dir, candidate, [], 20_000);
  return paths.flatMap((path) => {
    if (path === 'ml-cicd.yaml') return [];
    const lines = (project.read(path) ?? '').split(/\r?\n/);
    for (const [index, line] of lines.entries()) {
      if (/^\s*#/.test(line)) continue;
      const found = matchIn(path, line);
      if (found) {
        const message = `${path} ${found.what}, but Neptune's hosted service shut down (its data was deleted after 2026-03-05); ${wayOut}.`;
        return [{ file: path, line: index + 1, column: found.column, message }];
      }
    }
    return [];
  });
}

/** neptune-use: Neptune as the tracker, a Neptune client, or its settings. */
export const neptuneUse: Rule = {
  id: 'neptune-use',
  severity: 'warning',
  security: [],
  doc: "Reports Neptune wherever the project still uses it: `tracker: {kind: neptune}` in `ml-cicd.yaml`, a Neptune client in the requirements or `pyproject.toml` (`neptune`, `neptune-scale`, `neptune-client`, `neptune-query`), `import neptune`/`neptune_scale` in Python code, and `NEPTUNE_*` settings in workflows or `.env.example`. Neptune's hosted service shut down after its acquisition (announced 2025-12-03; data deleted after 2026-03-05), so such runs log nowhere but to disk. The way out: `neptune-exporter` (github.com/neptune-ai/neptune-exporter) loads the exported runs into MLflow or W&B, and `ml-cicd update --tracker mlflow` (or `wandb`) moves the project, keeping your edits.",
  check: (project) => {
    const { config, configFile } = project;
    const tracker =
      config?.tracker?.kind === 'neptune' && configFile
        ? [
            problemAt(
              configFile,
              entryAt(configFile.doc.contents, ['tracker', 'kind'])?.value,
              `tracker.kind is neptune, whose hosted service shut down; ${wayOut}.`,
            ),
          ]
        : [];
    return [...tracker, ...fileProblems(project)];
  },
};
