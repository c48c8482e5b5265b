import type { Gate } from '@ml-cicd/config';
import type { Node } from 'yaml';
import type { Project } from '../validate/project.js';
import { steps, usesOf, type WorkflowFile } from '../validate/workflow.js';
import { entry, get, getMap, text } from '../validate/yaml-nodes.js';
import { problemAt, problemAtOffset, type Problem, type Rule } from './rule.js';
import { runSync } from './sync-hint.js';

/** The report action ml-cicd vendors into the project; its `gates` input holds the gates. */
export const reportAction = './.github/actions/report';

type Bounds = Pick<Gate, 'min' | 'max'>;

const number = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
/** One rule of the action's gates input: `[value|change] OP NUMBER[%]`. */
const ruleText = new RegExp(
  String.raw`^(value|change)?\s*(>=|<=|>|<)\s*([+-]?)(${number})\s*(%?)$`,
  'i',
);

/**
 * The value bounds of each metric in the action's gates input (`accuracy: "value >= 0.9"`),
 * as ml-cicd.yaml's gates spell them; rules of other kinds (a change, a strict bound) are the
 * team's additions and are not compared. Undefined when a line cannot be read.
 */
export function gateBounds(input: string): Map<string, Bounds> | undefined {
  const gates = new Map<string, Bounds>();
  for (const line of input.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const match = /^\s*([^:#]+?)\s*:\s*(?:"([^"]*)"|'([^']*)'|(.*?))\s*$/.exec(line);
    if (!match) return undefined;
    const bounds: Bounds = {};
    for (const rule of (match[2] ?? match[3] ?? match[4] ?? '').split(',')) {
      const parts = ruleText.exec(rule.trim());
      if (!parts) return undefined;
      const [, kind, op, sign, value, percent] = parts;
      const isValue = kind ? kind.toLowerCase() === 'value' : !sign && !percent;
      if (!isValue || percent || (op !== '>=' && op !== '<=')) continue;
      bounds[op === '>=' ? 'min' : 'max'] = Number(`${sign}${value}`);
    }
    gates.set(match[1]!, bounds);
  }
  return gates;
}

const describe = ({ min, max }: Bounds) =>
  [min === undefined ? '' : `>= ${min}`, max === undefined ? '' : `<= ${max}`]
    .filter(Boolean)
    .join(', ') || 'no value bound';

function compare(workflow: WorkflowFile, node: Node, input: string, gates: Gate[]): Problem[] {
  const at = (message: string) => problemAt(workflow, node, message);
  // A metric's own line of the block, where there is one.
  const atMetric = (metric: string, message: string) => {
    const [start, end] = node.range ?? [0, 0];
    const escaped = metric.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const line = new RegExp(`^[ \\t]*(${escaped})[ \\t]*:`, 'm').exec(
      workflow.text.slice(start, end),
    );
    if (!line || !node.range) return at(message);
    return problemAtOffset(workflow, start + line.index + line[0].indexOf(line[1]!), message);
  };
  const found = gateBounds(input);
  const fix = runSync(workflow.path);
  if (!found) {
    return [
      at(
        `the gates of the report step in ${workflow.path} cannot be read as "METRIC: RULE[, RULE...]" lines, so they were not compared with metrics.gates in ml-cicd.yaml; fix them, or ${fix}.`,
      ),
    ];
  }
  const problems = gates.flatMap((gate) => {
    const bounds = found.get(gate.metric);
    if (!bounds) {
      return [
        at(
          `${workflow.path} does not gate ${gate.metric}, but metrics.gates in ml-cicd.yaml has ${gate.metric} ${describe(gate)}; ${fix}.`,
        ),
      ];
    }
    if (bounds.min === gate.min && bounds.max === gate.max) return [];
    return [
      atMetric(
        gate.metric,
        `${workflow.path} gates ${gate.metric} at ${describe(bounds)}, but metrics.gates in ml-cicd.yaml at ${describe(gate)}; ${fix}.`,
      ),
    ];
  });
  const named = new Set(gates.map((gate) => gate.metric));
  const extra = [...found.keys()]
    .filter((metric) => !named.has(metric))
    .map((metric) =>
      atMetric(
        metric,
        `${workflow.path} gates ${metric}, which metrics.gates in ml-cicd.yaml does not; add the gate to ml-cicd.yaml, or ${fix} (which removes it).`,
      ),
    );
  return [...problems, ...extra];
}

function check(project: Project): Problem[] {
  const { config } = project;
  if (!config) return [];
  const gates = config.metrics.gates;
  return project.workflows
    .filter((workflow) => workflow.kind === 'workflow')
    .flatMap((workflow) =>
      steps(workflow).flatMap(({ node }) => {
        const uses = usesOf(node);
        if (uses?.target !== reportAction) return [];
        const given = entry(getMap(node, 'with'), 'gates');
        const input = given ? text(given.value) : undefined;
        if (given && input !== undefined) return compare(workflow, given.value!, input, gates);
        if (gates.length === 0) return [];
        return [
          problemAt(
            workflow,
            get(node, 'with') ?? uses.node,
            `the report step of ${workflow.path} checks no gates, but metrics.gates in ml-cicd.yaml has ${gates.map((gate) => `${gate.metric} ${describe(gate)}`).join('; ')}; ${runSync(workflow.path)}.`,
          ),
        ];
      }),
    );
}

/** gates-match-workflows: the report steps of the workflows check the gates of ml-cicd.yaml. */
export const gatesMatchWorkflows: Rule = {
  id: 'gates-match-workflows',
  severity: 'error',
  security: [],
  ownFilesOnly: true,
  doc: 'The `gates` input of every step that runs the vendored report action (`./.github/actions/report`, in `report.yml` and `retrain.yml`) holds exactly the `metrics.gates` of `ml-cicd.yaml`: the same metrics with the same `min` (`value >= N`) and `max` (`value <= N`). Other rules a team adds to a metric (a change from the baseline, a strict bound) are not compared. `ml-cicd sync` writes the gates of `ml-cicd.yaml` into the workflows. (The release workflow reads the gates from `ml-cicd.yaml` when it runs.)',
  check,
};
