import { findPaths } from '../validate/find-files.js';
import type { Project } from '../validate/project.js';
import type { Problem, Rule } from './rule.js';

const ec2 =
  'start an on-demand runner with ml-cicd add workflow ec2 (machulav/ec2-github-runner, stopped after each run)';
const report =
  "post the report with ml-cicd add workflow report (the report action's sticky comment)";

/** What replaces a CML use, as `ml-cicd add workflow <kind>`. */
export type CmlReplacement = 'ec2' | 'report';

/** Each way a repository still runs CML, what it does, what replaces it, and the kinds of add that do. */
const uses: {
  pattern: RegExp;
  what: (found: string) => string;
  instead: string;
  kinds: CmlReplacement[];
}[] = [
  {
    pattern: /\biterative\/setup-cml\b/,
    what: () => 'sets up CML with iterative/setup-cml, which still declares node16',
    instead: `${ec2}, and ${report}`,
    kinds: ['ec2', 'report'],
  },
  {
    pattern: /\bnpm\s+(?:i|install)\s+(?:-g|--global)\s+(@dvcorg\/cml)\b/,
    what: () => 'installs CML with npm (@dvcorg/cml, no release since v0.20.6)',
    instead: `${ec2}, and ${report}`,
    kinds: ['ec2', 'report'],
  },
  {
    pattern: /\bcml(?:\s+runner(?:\s+launch)?|-runner)\b/,
    what: () =>
      'launches a runner with cml runner launch, broken since 2024 (its images and Terraform install fail)',
    instead: ec2,
    kinds: ['ec2'],
  },
  {
    pattern: /\bcml(?:\s+comment\s+(?:create|update)|\s+send-comment|-send-comment)\b/,
    what: (found) => `posts a comment with ${found.replace(/\s+/g, ' ')}`,
    instead: report,
    kinds: ['report'],
  },
  {
    pattern: /\b(iterativeai\/cml|dvcorg\/cml-py3)\b/,
    what: (found) => `runs in the CML container ${found}, which ships the unmaintained CML`,
    instead: 'run on a GitHub-hosted runner with actions/setup-python, or ' + ec2,
    kinds: [],
  },
];

export interface CmlUse {
  line: number;
  column: number;
  what: string;
  instead: string;
  kinds: CmlReplacement[];
}

/** Every CML use of a file's text, at most one per kind, in the order of the text. */
export function cmlUsesIn(text: string): CmlUse[] {
  const found: CmlUse[] = [];
  const reported = new Set<number>();
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (/^\s*#/.test(line)) continue;
    uses.forEach((use, kind) => {
      const match = use.pattern.exec(line);
      if (!match || reported.has(kind)) return;
      reported.add(kind);
      const at = match[1] ? match.index + match[0].indexOf(match[1]) : match.index;
      found.push({
        line: index + 1,
        column: at + 1,
        what: use.what(match[0]),
        instead: use.instead,
        kinds: use.kinds,
      });
    });
  }
  return found;
}

const scanned = (name: string) => /\.(ya?ml|sh)$/.test(name);

function fileProblems(project: Project, path: string): Problem[] {
  return cmlUsesIn(project.read(path) ?? '').map((use) => ({
    file: path,
    line: use.line,
    column: use.column,
    message: `${path} ${use.what}; ${use.instead}.`,
  }));
}

/** cml-use: CML's setup action, npm package, runner, comments and containers. */
export const cmlUse: Rule = {
  id: 'cml-use',
  severity: 'warning',
  security: [],
  doc: "Reports CML wherever a workflow, action or shell script still uses it, with what replaces each use: `iterative/setup-cml` (node16) and `npm i -g @dvcorg/cml` (no release since v0.20.6) give way to the ec2 runner and the report action; `cml runner launch`, broken since 2024 (Ubuntu 18.04 images, Terraform install), to the ec2 runner (`ml-cicd add workflow ec2`: machulav/ec2-github-runner start and stop jobs around training); `cml comment create` and `cml send-comment` to the report action (`ml-cicd add workflow report`), whose sticky comment is updated on each push; the `iterativeai/cml` and `dvcorg/cml-py3` containers to a GitHub-hosted or ec2 runner with actions/setup-python. `ml-cicd add` writes the replacement beside the team's workflow and deletes nothing. See docs/guide/cml-parity.md.",
  check: (project) => {
    const { paths } = findPaths(project.dir, scanned, [], 20_000);
    return paths.flatMap((path) => fileProblems(project, path));
  },
};
