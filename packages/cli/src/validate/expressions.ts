/**
 * Expressions in a workflow, with their offsets in the file: every `${{ ... }}` inside a scalar,
 * and every `if:` value (an expression even without `${{ }}`).
 */
import { isScalar, visit, type Node, type Scalar } from 'yaml';
import type { YamlFile } from '@ml-cicd/config';

export interface Expression {
  /** The expression's source text, `${{ }}` included when present. */
  text: string;
  /** Offset of its first character in the file. */
  offset: number;
}

const templated = /\$\{\{[\s\S]*?\}\}/g;

function source(file: YamlFile, node: Scalar): { raw: string; start: number } {
  const [start = 0, end = start] = node.range ?? [];
  return { raw: file.text.slice(start, end), start };
}

/** The `${{ ... }}` expressions written inside one scalar. */
export function templateExpressions(file: YamlFile, node: Scalar): Expression[] {
  const { raw, start } = source(file, node);
  return [...raw.matchAll(templated)].map((match) => ({
    text: match[0],
    offset: start + (match.index ?? 0),
  }));
}

/** Every expression anywhere under `root`. */
export function expressionsUnder(file: YamlFile, root: Node | null | undefined): Expression[] {
  const found: Expression[] = [];
  if (!root) return found;
  visit(root, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'if' && isScalar(pair.value)) {
        const { raw, start } = source(file, pair.value);
        if (!raw.includes('${{')) found.push({ text: raw, offset: start });
      }
    },
    Scalar(_, node) {
      found.push(...templateExpressions(file, node));
    },
  });
  return found;
}

export interface ContextReference {
  name: string;
  offset: number;
}

/** `secrets.NAME` / `vars.NAME` (and `secrets['NAME']`) inside the given expressions. */
export function contextReferences(
  expressions: Expression[],
  context: 'secrets' | 'vars',
): ContextReference[] {
  const pattern = new RegExp(
    `(?<![\\w.])${context}(?:\\.([A-Za-z_][A-Za-z0-9_-]*)|\\[\\s*'([^']+)'\\s*\\])`,
    'g',
  );
  return expressions.flatMap((expression) =>
    [...expression.text.matchAll(pattern)].map((match) => ({
      name: match[1] ?? match[2] ?? '',
      offset: expression.offset + (match.index ?? 0),
    })),
  );
}
