import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec, ToolError } from './exec.js';
import { jsonPathPosition } from './json-path-position.js';
import { tools } from './tools.js';
import type { Finding } from './types.js';

interface SchemaError {
  filename: string;
  path: string;
  message: string;
  best_deep_match?: { path: string; message: string };
}

interface GroupResult {
  schema: string;
  code: number;
  report: string;
}

interface Report {
  errors?: SchemaError[];
  parse_errors?: { filename: string; message: string }[];
}

const batch = fileURLToPath(new URL('check-schemas.py', import.meta.url));

async function toFindings(dir: string, schema: string, report: Report): Promise<Finding[]> {
  const findings: Finding[] = (report.parse_errors ?? []).map((error) => ({
    tool: 'check-jsonschema',
    file: error.filename,
    rule: schema,
    message: error.message,
  }));
  for (const error of report.errors ?? []) {
    const { path, message } = error.best_deep_match ?? error;
    const text = await readFile(join(dir, error.filename), 'utf8');
    findings.push({
      tool: 'check-jsonschema',
      file: error.filename,
      ...jsonPathPosition(text, path),
      rule: schema,
      message: `${path}: ${message}`,
    });
  }
  return findings;
}

/**
 * check-jsonschema with builtin schemas, which ship inside its wheel: nothing is downloaded.
 * `groups` maps a builtin schema name to the files it checks.
 */
export async function runCheckJsonschema(
  dir: string,
  groups: Record<string, string[]>,
): Promise<Finding[]> {
  const input = Object.entries(groups).filter(([, files]) => files.length > 0);
  if (input.length === 0) return [];
  const result = await exec(tools.python, [batch], dir, JSON.stringify(input));
  if (result.code !== 0) throw new ToolError('check-jsonschema', result);
  const findings: Finding[] = [];
  for (const group of JSON.parse(result.stdout) as GroupResult[]) {
    // 0: valid, 1: invalid; anything else is a failure to check.
    if (group.code !== 0 && group.code !== 1) {
      throw new ToolError('check-jsonschema', { ...result, code: group.code });
    }
    findings.push(...(await toFindings(dir, group.schema, JSON.parse(group.report) as Report)));
  }
  return findings;
}
