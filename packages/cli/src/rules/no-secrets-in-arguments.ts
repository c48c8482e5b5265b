import { isScalar, type Node } from 'yaml';
import {
  contextReferences,
  expressionsUnder,
  templateExpressions,
} from '../validate/expressions.js';
import { steps, usesOf, type Step, type WorkflowFile } from '../validate/workflow.js';
import { entries, get, getMap, text } from '../validate/yaml-nodes.js';
import { problemAtOffset, type Problem, type Rule } from './rule.js';

/** Shell builtins: what they are given never shows up in another process's argument list. */
const builtins = new Set(
  'echo printf export local declare readonly test [ [[ read : unset'.split(' '),
);
const keywords = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', '{', 'time']);
// The train action's list-args and extra-args become the script's arguments too.
const argumentInputs = new Set(['args', 'arguments', 'command', 'cmd', 'list-args', 'extra-args']);
const expansion = /\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g;

/** Environment variables (workflow, job and step `env:`) whose value is a secret: name → secret. */
function secretVariables(workflow: WorkflowFile, step: Step): Map<string, string> {
  const scopes = [workflow.root, step.job?.node, step.node];
  const found = new Map<string, string>();
  for (const scope of scopes) {
    for (const { key, value } of entries(get(scope, 'env'))) {
      const secret = contextReferences(expressionsUnder(workflow, value), 'secrets')[0];
      if (secret) found.set(key, secret.name);
    }
  }
  return found;
}

/** `<<WORD`, `<<-WORD`, `<<'WORD'` or `<<"WORD"`, but not a `<<<` here-string. */
const heredoc = /(?<!<)<<(?!<)(-?)\s*(['"]?)([A-Za-z_]\w*)\2/g;

/**
 * The [start, end) offsets of each here-document's body in `script`: lines the shell hands to the
 * command on its standard input, so an expansion there is never an argument. A body runs from the
 * line after its `<<` to the line that is its delimiter alone (the YAML block's indentation, and
 * with `<<-` the tabs, left aside).
 */
function heredocBodies(script: string): [number, number][] {
  const bodies: [number, number][] = [];
  let searchFrom = 0;
  for (;;) {
    heredoc.lastIndex = searchFrom;
    const match = heredoc.exec(script);
    if (!match) return bodies;
    const start = script.indexOf('\n', match.index) + 1;
    if (start === 0) return bodies;
    let end = start;
    while (end < script.length) {
      const next = script.indexOf('\n', end);
      const lineEnd = next === -1 ? script.length : next;
      if (script.slice(end, lineEnd).trim() === match[3]) break;
      end = lineEnd + 1;
    }
    bodies.push([start, Math.min(end, script.length)]);
    searchFrom = Math.max(end, start);
  }
}

/** The command a shell runs for the words before `index`, or undefined for builtins and assignments. */
function commandBefore(script: string, index: number): string | undefined {
  const boundary = Math.max(
    ...['\n', ';', '|', '&', '(', '`'].map((c) => script.lastIndexOf(c, index - 1)),
  );
  const words = script
    .slice(boundary + 1, index)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const command = words.find((word) => !keywords.has(word) && !/^[A-Za-z_]\w*=/.test(word));
  return command === undefined || builtins.has(command) ? undefined : command;
}

function inScript(workflow: WorkflowFile, step: Step, run: Node): Problem[] {
  const variables = secretVariables(workflow, step);
  if (!isScalar(run) || !run.range || variables.size === 0) return [];
  const script = workflow.text.slice(run.range[0], run.range[1]);
  const bodies = heredocBodies(script);
  const inHeredoc = (offset: number) => bodies.some(([from, to]) => offset >= from && offset < to);
  return [...script.matchAll(expansion)].flatMap((match) => {
    const name = match[1] ?? match[2] ?? '';
    const secret = inHeredoc(match.index ?? 0) ? undefined : variables.get(name);
    const command = secret ? commandBefore(script, match.index ?? 0) : undefined;
    if (!command) return [];
    return [
      problemAtOffset(
        workflow,
        run.range![0] + (match.index ?? 0),
        `$${name} holds secrets.${secret} and becomes an argument of ${command}, which other processes on the runner can read; let the program read it from its environment, or pipe it on stdin.`,
      ),
    ];
  });
}

function inInputs(workflow: WorkflowFile, step: Step): Problem[] {
  return entries(getMap(step.node, 'with')).flatMap(({ key, value }) => {
    if (!argumentInputs.has(key) || !isScalar(value)) return [];
    return contextReferences(templateExpressions(workflow, value), 'secrets').map((secret) =>
      problemAtOffset(
        workflow,
        secret.offset,
        `secrets.${secret.name} is passed in with: ${key}, which becomes a command-line argument that other processes on the runner can read; pass it through env: instead.`,
      ),
    );
  });
}

/** no-secrets-in-arguments (W32): secrets reach programs through the environment, not argv. */
export const noSecretsInArguments: Rule = {
  id: 'no-secrets-in-arguments',
  severity: 'error',
  security: ['W32'],
  doc: 'A secret is never a command-line argument (`--token "$TOKEN"`, or in an action\'s `args:`/`command:` input): on a shared or self-hosted runner any process can read the argument lists of others. Programs read secrets from their environment, or from stdin (`echo "$TOKEN" | tool login --password-stdin`).',
  check: (project) =>
    project.workflows.flatMap((workflow) =>
      steps(workflow).flatMap((step) => {
        const shell = text(get(step.node, 'shell')) ?? 'bash';
        const run = get(step.node, 'run');
        const scripts = run && /^(bash|sh)\b/.test(shell) ? inScript(workflow, step, run) : [];
        const isGithubScript = usesOf(step.node)?.target.toLowerCase() === 'actions/github-script';
        return [...scripts, ...(isGithubScript ? [] : inInputs(workflow, step))];
      }),
    ),
};
