// Packs both tools the way they are published and installs each tarball into its own prefix,
// with a throwaway npm config and cache so nothing of the user's npm setup takes part.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './time.mjs';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const benchRoot = fileURLToPath(new URL('../', import.meta.url));
const oursDir = join(repoRoot, 'packages', 'create-ml-cicd');

/**
 * The environment for every measured command: without the npm_* variables a `pnpm bench` parent
 * sets (user agent, config), and without NODE_EXTRA_CA_CERTS, which makes node parse a CA bundle
 * at every start (about 40 ms on a sandbox that sets it) although no measured step needs it.
 */
export const droppedVariables = ['NODE_EXTRA_CA_CERTS'].filter((name) => name in process.env);

export function cleanEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^npm_/i.test(key) && !droppedVariables.includes(key),
    ),
  );
}

export function npmEnv(npmrc, cache) {
  return { ...cleanEnv(), npm_config_userconfig: npmrc, npm_config_cache: cache };
}

// Audit and funding calls are registry round trips that neither tool controls.
export async function writeNpmrc(dir) {
  const file = join(dir, 'npmrc');
  await writeFile(file, 'fund=false\naudit=false\nupdate-notifier=false\nloglevel=error\n');
  return file;
}

export async function buildOurs() {
  await run('pnpm', ['--filter', 'create-ml-cicd...', 'build'], { cwd: repoRoot });
}

async function npmPack(spec, cwd, dest, env) {
  const { stdout } = await run(
    'npm',
    ['pack', ...spec, '--json', '--ignore-scripts', '--pack-destination', dest],
    { cwd, env },
  );
  const [info] = JSON.parse(stdout);
  return {
    name: info.name,
    version: info.version,
    tarball: join(dest, info.filename),
    packedBytes: info.size,
    unpackedBytes: info.unpackedSize,
    files: info.entryCount,
  };
}

export async function packOurs(dest, env) {
  if (!existsSync(join(oursDir, 'dist', 'index.js'))) {
    throw new Error(`${oursDir}/dist is missing: build it, or run the bench without --no-build.`);
  }
  return npmPack([], oursDir, dest, env);
}

/** The published tarball of the pinned devDependency, byte for byte. */
export async function packPeer(dest, env) {
  const manifest = JSON.parse(await readFile(join(benchRoot, 'package.json'), 'utf8'));
  const version = manifest.devDependencies['create-vite'];
  return npmPack([`create-vite@${version}`], dest, dest, env);
}

async function countPackages(nodeModules) {
  let count = 0;
  for (const entry of await readdir(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    count += entry.name.startsWith('@') ? (await readdir(join(nodeModules, entry.name))).length : 1;
  }
  return count;
}

/** `npm install <tarball>` into `prefix`; returns the bin's file and what the install brought. */
export async function installTarball(pack, prefix, env) {
  await run('npm', ['install', '--prefix', prefix, pack.tarball], { cwd: prefix, env });
  const nodeModules = join(prefix, 'node_modules');
  const dir = join(nodeModules, pack.name);
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[pack.name];
  return {
    bin: join(dir, bin),
    runtimeDependencies: Object.keys(manifest.dependencies ?? {}),
    installedPackages: await countPackages(nodeModules),
  };
}
