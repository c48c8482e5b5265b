/**
 * First in the suite and in each test file: pnpm starts this suite with npm_config_* settings of
 * its own (verify-deps-before-run, recursive…), which every npm the harness runs would warn it
 * does not know. The harness's npm calls see the environment of a user's shell instead.
 */
for (const key of Object.keys(process.env)) {
  if (/^npm_config_/i.test(key)) delete process.env[key];
}
