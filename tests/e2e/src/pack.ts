/** `npm pack` of a built package, and what is inside the tarball: the files and its package.json. */
import { join } from 'node:path';
import { runOk } from './exec.js';

export interface PackedPackage {
  tarball: string;
  name: string;
  version: string;
  files: string[];
  manifest: Record<string, unknown>;
}

export async function pack(
  packageDir: string,
  destination: string,
  env: NodeJS.ProcessEnv,
): Promise<PackedPackage> {
  const { stdout } = await runOk('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: packageDir,
    env,
  });
  const [packed] = JSON.parse(stdout) as {
    filename: string;
    name: string;
    version: string;
    files: { path: string }[];
  }[];
  if (!packed) throw new Error(`npm pack printed no package:\n${stdout}`);
  const tarball = join(destination, packed.filename);
  const inside = await runOk('tar', ['-xzOf', tarball, 'package/package.json'], {
    cwd: destination,
  });
  return {
    tarball,
    name: packed.name,
    version: packed.version,
    files: packed.files.map((file) => file.path).sort(),
    manifest: JSON.parse(inside.stdout) as Record<string, unknown>,
  };
}

export async function publish(tarball: string, cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  await runOk('npm', ['publish', tarball, '--tag', 'latest'], { cwd, env });
}
