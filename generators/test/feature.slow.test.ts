import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPackage, generator, tempDir, tools, tree } from './support.js';

/** The names listed in `export const features = [...]`. */
function registered(registry: string): string[] {
  const list = /export const features = \[([^\]]*)\]/.exec(registry)?.[1] ?? '';
  return list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

describe.each([
  [
    'always on',
    { id: 'example-notes', label: "Example's notes", description: 'a README section, "quoted"' },
  ],
  [
    'a runner choice',
    {
      id: 'runner-example',
      label: 'Example runner',
      description: 'runs nowhere yet',
      option: 'runner',
      value: 'example',
    },
  ],
  [
    'a data choice',
    {
      id: 'data-example',
      label: 'Example data',
      description: 'keeps data nowhere yet',
      option: 'data',
      value: 'example',
    },
  ],
])('feature, %s', (_, answers) => {
  const root = tempDir();
  const core = copyPackage(root, 'core');
  const registryPath = join(core, 'src/features/index.ts');
  const before = readFileSync(registryPath, 'utf8');
  const name = answers.id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

  it('writes the feature, its test and its template folder, and registers it', async () => {
    const result = await (await generator('feature', root)).runActions(answers);
    expect(result.failures).toEqual([]);
    expect(existsSync(join(root, 'templates', answers.id, '.gitkeep'))).toBe(true);
    const registry = readFileSync(registryPath, 'utf8');
    expect(registry).toContain(`import { ${name} } from './${answers.id}/index.js';\n`);
    expect(registered(registry)).toEqual([...registered(before), name]);
  });

  it.runIf('option' in answers)('declares its branch of the schema of its section', () => {
    const source = readFileSync(join(core, 'src/features', answers.id, 'index.ts'), 'utf8');
    const { option, description } = answers as { option: string; description: string };
    expect(source).toContain(`// Its branch of ml-cicd.yaml's ${option}:`);
    expect(source).toContain(`schemaBranch: {\n    meaning: '${description}',\n`);
    expect(source).toContain(`description: '${description}.',\n    properties: {},\n`);
  });

  it('type-checks with the rest of core', () => {
    const run = tools.typecheck(core);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('writes a test that passes as generated', () => {
    const run = tools.test(core, `src/features/${answers.id}/`);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Tests\s+2 passed/);
  });

  it('writes prettier-clean files', () => {
    const dir = join(core, 'src/features', answers.id);
    const files = [registryPath, ...tree(dir).map((file) => join(dir, file.path))];
    const run = tools.prettier(files);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it('refuses the same id again and changes nothing', async () => {
    const registry = readFileSync(registryPath, 'utf8');
    const again = (await generator('feature', root)).runActions(answers);
    await expect(again).rejects.toThrow(`packages/core/src/features/${answers.id} already exists`);
    expect(readFileSync(registryPath, 'utf8')).toBe(registry);
  });
});

describe('feature answers', () => {
  const root = tempDir();
  copyPackage(root, 'core');

  it.each([
    [{ id: 'Not_Kebab', label: 't', description: 'd' }, '"Not_Kebab" is not a feature id'],
    [
      { id: 'base', label: 't', description: 'd' },
      'packages/core/src/features/base already exists',
    ],
    [{ id: 'x-y', label: '', description: 'd' }, 'The label is one line of text.'],
    [
      { id: 'x-y', label: 't', description: 'd', option: 'runner', value: 'hosted' },
      '--runner hosted is taken by another feature.',
    ],
    [
      { id: 'x-y', label: 't', description: 'd', option: 'python', value: 'x' },
      'option must be none or runner or tracker or data or updateCheck (got "python").',
    ],
  ])('%o is refused: %s', async (answers, message) => {
    await expect((await generator('feature', root)).runActions(answers)).rejects.toThrow(message);
  });
});
