/**
 * A `gh` stand-in put first on PATH: a small Node script that records each call's argv and stdin
 * to a JSON-lines file and answers like gh does. GH_STANDIN_* variables choose its behaviour:
 * LOGGED_OUT, ENVIRONMENTS (the ones that exist, comma-separated), NO_ENVIRONMENTS (GitHub
 * refuses to create one), FAIL_SET (a name whose set fails, echoing its stdin as a careless tool would).
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const script = `
const { appendFileSync, readFileSync } = require('node:fs');
const args = process.argv.slice(2);
let stdin = '';
try { stdin = readFileSync(0, 'utf8'); } catch {}
appendFileSync(process.env.GH_STANDIN_LOG, JSON.stringify({ args, stdin }) + '\\n');
const env = process.env;
const fail = (text, code = 1) => { process.stderr.write(text + '\\n'); process.exit(code); };
if (args[0] === '--version') { console.log('gh version 2.99.0 (stand-in)'); process.exit(0); }
if (args[0] === 'auth') {
  if (env.GH_STANDIN_LOGGED_OUT) fail('You are not logged into any GitHub hosts. To log in, run: gh auth login');
  console.log('github.com: Logged in to github.com account octo');
  process.exit(0);
}
if (args[0] === 'api' && args[1] === '-X') {
  if (env.GH_STANDIN_NO_ENVIRONMENTS) fail('gh: Failed to create the environment (HTTP 422)');
  console.log('{"name":"' + args[3].split('/').pop() + '"}');
  process.exit(0);
}
if (args[0] === 'api') {
  const name = args[1].split('/').pop();
  if ((env.GH_STANDIN_ENVIRONMENTS ?? '').split(',').includes(name)) { console.log('{}'); process.exit(0); }
  fail('gh: Not Found (HTTP 404)');
}
if ((args[0] === 'secret' || args[0] === 'variable') && args[1] === 'set') {
  if (args[2] === env.GH_STANDIN_FAIL_SET) fail('failed to set ' + args[2] + ': could not use ' + stdin);
  process.exit(0);
}
fail('unknown command ' + args.join(' '));
`;

export interface GhCall {
  args: string[];
  stdin: string;
}

/** Writes the stand-in into `binDir` as `gh`; returns where it records its calls. */
export function installGhStandin(binDir: string): { log: string; calls: () => GhCall[] } {
  const gh = join(binDir, 'gh');
  writeFileSync(gh, `#!${process.execPath}\n${script}`);
  chmodSync(gh, 0o755);
  const log = join(binDir, 'gh-calls.jsonl');
  return {
    log,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as GhCall)
        : [],
  };
}
