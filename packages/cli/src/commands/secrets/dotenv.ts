/**
 * A dotenv file of values: `NAME=value` lines, an optional `export ` prefix, `#` comments, blank
 * lines, and values bare, 'single-quoted' (as they are) or "double-quoted" (with \n, \" and \\).
 * A malformed line is reported by file and line number, never by its content: it may be a secret.
 */
import { UserError } from '../../errors.js';

const assignment = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** The value and what follows its closing quote, or why the quoted value is malformed. */
function quoted(rest: string): { value: string; after: string } | string {
  const quote = rest[0]!;
  let value = '';
  for (let index = 1; index < rest.length; index++) {
    const char = rest[index]!;
    if (char === quote) return { value, after: rest.slice(index + 1) };
    if (quote === '"' && char === '\\' && index + 1 < rest.length) {
      const next = rest[++index]!;
      value += escapes[next] ?? `\\${next}`;
    } else {
      value += char;
    }
  }
  return 'opens a quote it does not close on the same line';
}

function valueOf(rest: string): string | { problem: string } {
  if (rest.startsWith('"') || rest.startsWith("'")) {
    const parsed = quoted(rest);
    if (typeof parsed === 'string') return { problem: parsed };
    if (!/^\s*(?:#.*)?$/.test(parsed.after)) {
      return { problem: 'has more than a comment after its closing quote' };
    }
    return parsed.value;
  }
  return rest.replace(/\s+#.*$/, '').trim();
}

export function parseDotenv(text: string, file: string): Map<string, string> {
  const values = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const problem = (why: string) =>
      new UserError(
        `${file}:${index + 1} ${why}; write it as NAME=value (the line is not shown, as it may hold a secret).`,
      );
    const match = assignment.exec(trimmed);
    if (!match) {
      throw problem(
        trimmed.includes('=') ? 'does not start with a variable name' : 'has no NAME= part',
      );
    }
    const value = valueOf(match[2]!);
    if (typeof value !== 'string') throw problem(value.problem);
    values.set(match[1]!, value);
  });
  return values;
}
