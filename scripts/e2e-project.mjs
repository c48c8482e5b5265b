// One cell of the end-to-end matrix: `node scripts/e2e-project.mjs DIR "FLAGS"` scaffolds with
// FLAGS, runs ruff and pytest, and trains with non-default parameters.
import { scaffoldAndRun } from './project.mjs';

const [dir, flags = ''] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('Usage: node scripts/e2e-project.mjs DIR "FLAGS"\n');
  process.exit(2);
}
await scaffoldAndRun({
  dir,
  flags: flags.split(' ').filter(Boolean),
  tests: true,
  trainArgs: ['--criterion', 'entropy', '--max-depth', '3', '--n-estimators', '50'],
});
