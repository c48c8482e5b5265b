/**
 * The Helm values the arc runner writes hold to values.schema.json, which holds to the chart's
 * own values.yaml (packages/core/reference, chart 0.14.2); checked by check-jsonschema, the real tool.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { assertToolsInstalled } from '@ml-cicd/validators';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

const schemaPath = fileURLToPath(new URL('values.schema.json', import.meta.url));
const checkJsonschema = fileURLToPath(
  new URL('../../../../../.cache/tools-venv/bin/check-jsonschema', import.meta.url),
);
const reference = readFileSync(
  new URL('../../../reference/gha-runner-scale-set.values.yaml', import.meta.url),
  'utf8',
);
const dir = mkdtempSync(join(tmpdir(), 'arc-values-'));
beforeAll(assertToolsInstalled);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** check-jsonschema's verdict on `values`: '' when they hold to the schema. */
async function problems(values: string): Promise<string> {
  const path = join(dir, `values-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, values);
  try {
    await promisify(execFile)(checkJsonschema, ['--schemafile', schemaPath, path]);
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

describe('the scale set values schema', () => {
  it('covers every top-level key of the chart’s values.yaml, set or commented out', () => {
    const keys = new Set([...reference.matchAll(/^(?:# ?)?([a-z][a-zA-Z]+):/gm)].map((m) => m[1]));
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    expect(keys.size).toBeGreaterThan(15);
    for (const key of keys) expect(Object.keys(schema.properties), key).toContain(key);
  });

  it('accepts the chart’s defaults once the required repository URL is set', async () => {
    const defaults = { ...parse(reference), githubConfigUrl: 'https://github.com/o/r' };
    expect(await problems(stringify(defaults))).toBe('');
  });

  it.each(['gpu-training', 'a'.repeat(45)])(
    'accepts the values written for scale set %s',
    async (arcScaleSet) => {
      const answers = resolveAnswers({ name: 'p-q', runner: 'arc', arcScaleSet }, 'p-q');
      const values = buildProject(answers, repoAssets).files.get('infra/arc/values.yaml')!;
      expect(await problems(values)).toBe('');
    },
  );

  it.each([
    [
      'an unquoted node selector value',
      'nvidia.com/gpu.present: "true"',
      'nvidia.com/gpu.present: true',
    ],
    ['a misspelt key', 'maxRunners:', 'maxRunner:'],
    ['a toleration effect Kubernetes does not know', 'effect: NoSchedule', 'effect: Never'],
  ])('refuses %s', async (_, from, to) => {
    const answers = resolveAnswers({ name: 'p-q', runner: 'arc' }, 'p-q');
    const values = buildProject(answers, repoAssets).files.get('infra/arc/values.yaml')!;
    expect(values).toContain(from);
    expect(await problems(values.replace(from, to))).toContain('Schema validation errors');
  });
});
