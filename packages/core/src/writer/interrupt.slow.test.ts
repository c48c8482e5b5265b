import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, useSandbox } from './test-support.js';

const sandbox = useSandbox();
const writerDir = path.dirname(fileURLToPath(import.meta.url));
let out = '';
let child = '';

/** Node 20 cannot run TypeScript: transpile the writer and the modules it imports into `out`. */
async function buildWriter(out: string): Promise<void> {
  const srcDir = path.dirname(writerDir);
  const queue = [path.join(writerDir, 'index.ts')];
  const built = new Set<string>();
  for (const file of queue) {
    if (built.has(file)) continue;
    built.add(file);
    const source = await readFile(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const destination = path.join(out, path.relative(srcDir, file).replace(/\.ts$/, '.js'));
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, outputText);
    for (const [, specifier] of source.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      queue.push(path.resolve(path.dirname(file), `${specifier}.ts`));
    }
  }
  const diff = path.dirname(createRequire(import.meta.url).resolve('diff/package.json'));
  await mkdir(path.join(out, 'node_modules'));
  await symlink(diff, path.join(out, 'node_modules', 'diff'), 'junction');
}

// Writes 500 files and sends itself the signal once the write is under way: a staging folder
// appeared beside the target, or entries inside it.
const script = `
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { writePlan } from './writer/index.js';

const [target, mode, signal] = process.argv.slice(2);
const files = new Map(Array.from({ length: 500 }, (_, i) => [\`d\${i % 25}/f\${i}.txt\`, \`file \${i}\\n\`]));
const started = () =>
  readdirSync(path.dirname(target)).some((name) => name.includes('.ml-cicd-')) ||
  (existsSync(target) && readdirSync(target).length > 0);
const timer = setInterval(() => {
  if (!started()) return;
  clearInterval(timer);
  process.kill(process.pid, signal);
}, 1);
await writePlan(files, target, { mode });
clearInterval(timer);
console.log('finished without being interrupted');
`;

function run(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, output }));
  });
}

describe.skipIf(process.platform === 'win32')('a real signal during a write', () => {
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'ml-cicd writer build '));
    await buildWriter(out);
    child = path.join(out, 'child.mjs');
    await writeFile(child, script);
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('SIGINT while staging a new project: exit 130, nothing left beside the target', async () => {
    const root = await sandbox();
    const before = await snapshot(root);
    const { code, output } = await run(path.join(root, 'my project'), 'new-project', 'SIGINT');
    expect({ code, output }).toEqual({ code: 130, output: '' });
    expect(await snapshot(root)).toEqual(before);
  });

  it('SIGTERM while writing into an existing empty target: exit 143, the target is empty', async () => {
    const root = await sandbox();
    await mkdir(path.join(root, 'empty'));
    const before = await snapshot(root, { dirMtimes: false });
    const { code, output } = await run(path.join(root, 'empty'), 'new-project', 'SIGTERM');
    expect({ code, output }).toEqual({ code: 143, output: '' });
    expect(await snapshot(root, { dirMtimes: false })).toEqual(before);
  });
});
