/**
 * The gate grammar and its evaluation. One gate per line, `METRIC: "RULE[, RULE...]"` (so a YAML
 * mapping of strings reads the same), where RULE is `[value|change] OP NUMBER[%]` and OP one of
 * >= <= > <. `value` compares this run's metric; `change` compares this run minus the base, and
 * NUMBER% that change relative to the base. Without the word, a signed number (+0.01, -0.01) or a
 * percentage is a change and an unsigned number a value: `">= -0.01"` may drop by 0.01 at most,
 * `">= 0.9"` must reach 0.9.
 */
import { InputError } from './errors.ts';
import type { MetricRow } from './metrics.ts';

export type Op = '>=' | '<=' | '>' | '<';
export type RuleKind = 'value' | 'change' | 'percent';

export interface Rule {
  kind: RuleKind;
  op: Op;
  threshold: number;
  /** The rule as written, trimmed, for messages and the report. */
  text: string;
}

export interface Gate {
  metric: string;
  rules: Rule[];
}

export type RuleStatus = 'pass' | 'fail' | 'no-baseline';

export interface RuleResult {
  rule: Rule;
  status: RuleStatus;
  actual?: number;
}

export interface GateResult {
  metric: string;
  results: RuleResult[];
}

const LINE = /^(?:"([^"]+)"|'([^']+)'|([^\s"'#:][^:#]*?))\s*:\s*(.*)$/;
const RULE =
  /^(?:(value|change)\s+)?(>=|<=|>|<)\s*([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(%?)$/i;
const EXAMPLE =
  'write e.g. accuracy: ">= -0.01" (change from the base) or accuracy: ">= 0.9" (value)';

function unquote(value: string): string | undefined {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const end = value.indexOf(quote, 1);
    const rest = value.slice(end + 1).trim();
    if (end < 0 || (rest !== '' && !rest.startsWith('#'))) return undefined;
    return value.slice(1, end);
  }
  return value.replace(/\s+#.*$/, '');
}

function parseRule(text: string): Rule | string {
  const match = RULE.exec(text);
  if (!match) return `"${text}" is not a rule`;
  const [, word, op, sign, digits, percent] = match;
  const threshold = Number(`${sign}${digits}`);
  const kind: RuleKind =
    word?.toLowerCase() === 'value'
      ? 'value'
      : percent
        ? 'percent'
        : word || sign
          ? 'change'
          : 'value';
  if (kind === 'value' && percent) return `"${text}" compares a value with a percentage`;
  return { kind, op: op as Op, threshold, text };
}

/** Parses the `gates` input; every mistake is one sentence naming the input and the line. */
export function parseGates(input: string): Gate[] {
  const gates: Gate[] = [];
  input.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `Input "gates", line ${index + 1}`;
    const match = LINE.exec(line);
    const value = match ? unquote((match[4] ?? '').trim()) : undefined;
    if (!match || value === undefined || value.trim() === '') {
      throw new InputError(`${where}: "${line}" is not a gate; ${EXAMPLE}.`);
    }
    const metric = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    const rules = value.split(',').map((part) => parseRule(part.trim()));
    const wrong = rules.find((rule) => typeof rule === 'string');
    if (wrong !== undefined) throw new InputError(`${where}: ${wrong} for ${metric}; ${EXAMPLE}.`);
    gates.push({ metric, rules: rules as Rule[] });
  });
  return gates;
}

function holds(actual: number, op: Op, threshold: number): boolean {
  // Floating-point subtraction must not flip a gate: 0.94 - 0.95 is -0.010000000000000009.
  const slack = Number.isFinite(actual)
    ? 1e-9 * Math.max(1, Math.abs(actual), Math.abs(threshold))
    : 0;
  switch (op) {
    case '>=':
      return actual >= threshold - slack;
    case '<=':
      return actual <= threshold + slack;
    case '>':
      return actual > threshold + slack;
    case '<':
      return actual < threshold - slack;
  }
}

function actualOf(rule: Rule, row: MetricRow): number | undefined {
  if (rule.kind === 'value') return row.head;
  if (row.base === undefined || row.head === undefined) return undefined;
  if (rule.kind === 'change') return row.change;
  // A base of 0 has no relative change: any move is infinitely large in its direction.
  return row.changePct ?? (row.change === 0 ? 0 : Math.sign(row.change ?? 0) * Infinity);
}

export function evaluateGates(gates: Gate[], rows: MetricRow[]): GateResult[] {
  return gates.map(({ metric, rules }) => {
    const row = rows.find((candidate) => candidate.name === metric && candidate.head !== undefined);
    if (!row) {
      const known = rows.filter((r) => r.head !== undefined).map((r) => r.name);
      throw new InputError(
        `Input "gates" names ${metric}, which no metrics file has (it has ${known.join(', ')}).`,
      );
    }
    const results = rules.map((rule): RuleResult => {
      const actual = actualOf(rule, row);
      if (actual === undefined) return { rule, status: 'no-baseline' };
      return { rule, status: holds(actual, rule.op, rule.threshold) ? 'pass' : 'fail', actual };
    });
    return { metric, results };
  });
}

export const isBroken = (gate: GateResult): boolean =>
  gate.results.some((result) => result.status === 'fail');
