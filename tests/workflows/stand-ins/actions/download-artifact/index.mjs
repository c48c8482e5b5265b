// Copies artifacts out of the suite's store: <store>/<run id>/<name>/.
import { appendFileSync, cpSync, existsSync, readdirSync } from 'node:fs';
import { join, matchesGlob, resolve } from 'node:path';

const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();

function fail(message) {
  process.stdout.write(`::error title=download-artifact stand-in::${message}\n`);
  process.exit(1);
}

const store = process.env.ML_CICD_ARTIFACT_STORE;
if (!store) fail('ML_CICD_ARTIFACT_STORE is not set.');
const runId = input('run-id') || process.env.GITHUB_RUN_ID;
const runDir = join(store, runId);
const destination = resolve(process.env.GITHUB_WORKSPACE, input('path'));
const name = input('name');

if (name) {
  if (!existsSync(join(runDir, `${name}.json`))) fail(`Artifact not found for name: ${name}`);
  cpSync(join(runDir, name), destination, { recursive: true });
  console.log(`Downloaded artifact ${name} of run ${runId} to ${destination}.`);
} else {
  const names = existsSync(runDir)
    ? readdirSync(runDir)
        .filter((entry) => entry.endsWith('.json'))
        .map((entry) => entry.slice(0, -5))
    : [];
  const chosen = names.filter((each) => !input('pattern') || matchesGlob(each, input('pattern')));
  const merge = input('merge-multiple') === 'true';
  for (const each of chosen) {
    cpSync(join(runDir, each), merge ? destination : join(destination, each), { recursive: true });
  }
  console.log(`Downloaded ${chosen.length} artifact(s) of run ${runId} to ${destination}.`);
}
appendFileSync(process.env.GITHUB_OUTPUT, `download-path=${destination}\n`);
