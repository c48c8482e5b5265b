import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPackage, generator, tempDir, tools } from './support.js';

/** The names listed in `export const rules: readonly <type>[] = [...]`. */
function registered(registry: string): string[] {
  const list = /export const rules: readonly \w+\[\] = \[([^\]]*)\]/.exec(registry)?.[1] ?? '';
  return list
    .replace(/\/\/.*$/gm, '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

const answers = {
  id: 'example-check',
  summary: "the example's check holds",
  doc: 'Explains what `example-check` checks, and why a run would fail without it.',
  severity: 'warning',
};

describe.each([
  ['repository', 'cli', 'passes a fresh render'],
  ['ml-cicd.yaml', 'config', 'passes the example'],
] as const)('rule reading %s', (reads, name, passes) => {
  const root = tempDir();
  const pkg = copyPackage(root, name);
  const rules = join(pkg, 'src/rules');
  const before = readFileSync(join(rules, 'index.ts'), 'utf8');

  it(`writes the rule and its test in packages/${name}, and registers it`, async () => {
    const result = await (await generator('rule', root)).runActions({ ...answers, reads });
    expect(result.failures).toEqual([]);
    const registry = readFileSync(join(rules, 'index.ts'), 'utf8');
    expect(registry).toContain("import { exampleCheck } from './example-check.js';\n");
    expect(registered(registry)).toEqual([...registered(before), 'exampleCheck']);
    expect(readFileSync(join(rules, 'example-check.ts'), 'utf8')).toContain("severity: 'warning',");
  });

  it('type-checks with the rest of the package', () => {
    const run = tools.typecheck(pkg);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it(`writes a test that ${passes} as generated`, () => {
    const run = tools.test(pkg, 'src/rules/example-check.test.ts');
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
    [{ ...answers, id: 'job-timeout' }, 'job-timeout is taken'],
    [{ ...answers, id: 'param-default-in-range' }, 'param-default-in-range is taken'],
    [{ ...answers, id: 'Bad Id' }, '"Bad Id" is not a rule id'],
    [
      { ...answers, id: 'other', severity: 'fatal' },
      'severity must be one of error, warning, info (got "fatal").',
    ],
    [
      { ...answers, id: 'other', reads: 'workflows' },
      'reads must be repository or ml-cicd.yaml (got "workflows").',
    ],
  ])('refuses %o: %s', async (refused, message) => {
    const registry = readFileSync(join(rules, 'index.ts'), 'utf8');
    await expect((await generator('rule', root)).runActions({ reads, ...refused })).rejects.toThrow(
      message,
    );
    expect(readFileSync(join(rules, 'index.ts'), 'utf8')).toBe(registry);
    expect(existsSync(join(rules, 'other.ts'))).toBe(false);
  });
});
