/**
 * Once for all test files: start the local registry, pack the built bin and publish it there.
 * The tests read what they need through vitest's inject('e2e'); the registry stops at the end.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { npmEnv, writeUserConfig, type NpmSession } from './npm-env.js';
import { pack, publish, type PackedPackage } from './pack.js';
import { binPackageDir, cliPackageDir, outsideTempDir, removeTempDir } from './paths.js';
import { say, step } from './progress.js';
import { startRegistry } from './registry.js';
import { installVerdaccio } from './verdaccio-install.js';

export interface E2eContext {
  session: NpmSession;
  packed: PackedPackage;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  if (!existsSync(join(binPackageDir, 'dist', 'index.js'))) {
    throw new Error(`${binPackageDir}/dist/index.js is missing: run pnpm build first.`);
  }
  const home = await outsideTempDir('npm');
  const bin = await step('Install verdaccio 5', installVerdaccio);
  const registry = await step('Start verdaccio', () => startRegistry(bin, join(home, 'verdaccio')));
  const teardown = async () => {
    await registry.stop();
    await removeTempDir(home);
    say(`End-to-end run took ${((performance.now() - started) / 1000).toFixed(1)} s in all.`);
  };
  try {
    const session: NpmSession = { registry: registry.url, home };
    await writeUserConfig(session, registry.token);
    const packed = await step('npm pack create-ml-cicd', () =>
      pack(binPackageDir, home, npmEnv(session)),
    );
    const publishTo = (packed.manifest.publishConfig as { registry?: string } | undefined)
      ?.registry;
    if (publishTo) throw new Error(`${packed.name} sets publishConfig.registry (${publishTo}).`);
    await step(`npm publish ${packed.name}@${packed.version} to ${registry.url}`, () =>
      publish(packed.tarball, home, npmEnv(session)),
    );
    // The docs run `npx ml-cicd …` as users do.
    const cli = await step('npm pack ml-cicd', () => pack(cliPackageDir, home, npmEnv(session)));
    await step(`npm publish ${cli.name}@${cli.version} to ${registry.url}`, () =>
      publish(cli.tarball, home, npmEnv(session)),
    );
    project.provide('e2e', { session, packed });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
