/** How a bin tells the user to run ml-cicd again, the way this run was started. */

/** `word` as one shell word: quoted when it holds a space or a quote. */
export function shellWord(word: string): string {
  return /[\s'"]/.test(word) ? JSON.stringify(word) : word;
}

/**
 * The packed tarball this bin runs from, when it was started with `npx --package ./x.tgz …` (npm
 * names it in npm_config_package): before the packages are on npm, that is how a clone runs them,
 * and a plain `npx ml-cicd` would answer 404.
 */
export function startedFromTarball(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const spec = env.npm_config_package;
  return spec?.endsWith('.tgz') ? spec : undefined;
}

/** `npx <bin> <args>`, from the same tarball when this run was started from one. */
export function npxCommand(
  bin: string,
  args: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const tarball = startedFromTarball(env);
  return tarball ? `npx --package ${shellWord(tarball)} ${bin} ${args}` : `npx ${bin} ${args}`;
}
