import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exec, ToolError } from './exec.js';
import { tools } from './tools.js';
import type { Finding } from './types.js';

interface ActionlintError {
  message: string;
  filepath: string;
  line: number;
  column: number;
  kind: string;
}

// actionlint reads .github/actionlint.yaml and checks calls to local reusable workflows and
// actions only inside a "project", which it recognises by a `.git` entry beside `.github`; without
// one it silently skips those checks. A rendered project usually has no `.git`, so actionlint runs
// in a scratch directory that links every entry of the project and adds an empty `.git` file.
async function withGitRoot<T>(dir: string, run: (root: string) => Promise<T>): Promise<T> {
  if (existsSync(join(dir, '.git'))) return run(dir);
  const root = await mkdtemp(join(tmpdir(), 'actionlint-'));
  try {
    for (const name of await readdir(dir)) await symlink(join(dir, name), join(root, name));
    await writeFile(join(root, '.git'), '');
    return await run(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export async function runActionlint(dir: string, workflows: string[]): Promise<Finding[]> {
  if (workflows.length === 0) return [];
  const args = [
    '-format',
    '{{json .}}',
    '-shellcheck',
    tools.shellcheck,
    '-pyflakes',
    tools.pyflakes,
    ...workflows,
  ];
  const result = await withGitRoot(dir, (root) => exec(tools.actionlint, args, root));
  // 0: clean, 1: problems found; anything else is a bad invocation or a crash.
  if (result.code !== 0 && result.code !== 1) throw new ToolError('actionlint', result);
  return (JSON.parse(result.stdout) as ActionlintError[]).map((error) => ({
    tool: 'actionlint',
    file: error.filepath,
    line: error.line,
    column: error.column || undefined,
    rule: error.kind,
    message: error.message,
  }));
}
