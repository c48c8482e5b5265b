import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPackage, generator, tempDir, tools } from './support.js';

/** The names listed in `export const rules: readonly Rule[] = [...]`. */
function registered(registry: string): string[] {
  const list = /export const rules: readonly Rule\[\] = \[([^\]]*)\]/.exec(registry)?.[1] ?? '';
  return list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

describe('rule', () => {
  const root = tempDir();
  const config = copyPackage(root, 'config');
  const rules = join(config, 'src/rules');
  const before = readFileSync(join(rules, 'index.ts'), 'utf8');
  const answers = {
    id: 'example-check',
    summary: "the example's check holds",
    doc: 'Explains what `example-check` checks, and why a run would fail without it.',
    severity: 'warning',
  };

  it('writes the rule and its test, and registers it', async () => {
    const result = await (await generator('rule', root)).runActions(answers);
    expect(result.failures).toEqual([]);
    const registry = readFileSync(join(rules, 'index.ts'), 'utf8');
    expect(registry).toContain("import { exampleCheck } from './example-check.js';\n");
    expect(registered(registry)).toEqual([...registered(before), 'exampleCheck']);
    expect(readFileSync(join(rules, 'example-check.ts'), 'utf8')).toContain("severity: 'warning',");
  });

  it('type-checks with the rest of the package', () => {
    const run = tools.typecheck(config);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('writes a test that passes as generated', () => {
    const run = tools.test(config, 'src/rules/example-check.test.ts');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Tests\s+2 passed/);
  });

  it('writes prettier-clean files', () => {
    const files = ['index.ts', 'example-check.ts', 'example-check.test.ts'];
    const run = tools.prettier(files.map((file) => join(rules, file)));
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it.each([
    [{ ...answers }, 'example-check is taken'],
    [{ ...answers, id: 'schema' }, 'schema is taken'],
    [{ ...answers, id: 'Bad Id' }, '"Bad Id" is not a rule id'],
    [
      { ...answers, id: 'other', severity: 'fatal' },
      'severity must be error or warning (got "fatal").',
    ],
  ])('refuses %o: %s', async (refused, message) => {
    const registry = readFileSync(join(rules, 'index.ts'), 'utf8');
    await expect((await generator('rule', root)).runActions(refused)).rejects.toThrow(message);
    expect(readFileSync(join(rules, 'index.ts'), 'utf8')).toBe(registry);
    expect(existsSync(join(rules, 'other.ts'))).toBe(false);
  });
});
