/**
 * A `gh` stand-in put first on PATH: a small Node script that records each call's argv and stdin
 * to a JSON-lines file and answers like gh does. GH_STANDIN_* variables choose its behaviour:
 * LOGGED_OUT, ENVIRONMENTS (the ones that exist, comma-separated), NO_ENVIRONMENTS (GitHub
 * refuses to create one), FAIL_SET (a name whose set fails, echoing its stdin as a careless tool would),
 * REFUSE (`reviewers`, `wait_timer`: what the plan refuses, with GitHub's 422), USERS and TEAMS
 * (`login:id`, `org/slug:id`), DEFAULT_BRANCH. The environments API keeps its state in a JSON file
 * beside the log: GET answers with `protection_rules` as GitHub does, a PUT replaces the settings.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const script = `
const { appendFileSync, existsSync, readFileSync, writeFileSync } = require('node:fs');
const args = process.argv.slice(2);
let stdin = '';
try { stdin = readFileSync(0, 'utf8'); } catch {}
appendFileSync(process.env.GH_STANDIN_LOG, JSON.stringify({ args, stdin }) + '\\n');
const env = process.env;
const list = (name) => (env[name] ?? '').split(',').filter(Boolean);
const fail = (text, code = 1) => { process.stderr.write(text + '\\n'); process.exit(code); };
const answer = (value) => { console.log(JSON.stringify(value)); process.exit(0); };
const stateFile = env.GH_STANDIN_LOG + '.state.json';
const state = existsSync(stateFile)
  ? JSON.parse(readFileSync(stateFile, 'utf8'))
  : { environments: Object.fromEntries(list('GH_STANDIN_ENVIRONMENTS').map((name) => [name, {}])) };
const save = () => writeFileSync(stateFile, JSON.stringify(state, null, 2));
const ids = (name) => Object.fromEntries(list(name).map((entry) => { const [key, id] = entry.split(':'); return [key, Number(id)]; }));
if (args[0] === '--version') { console.log('gh version 2.99.0 (stand-in)'); process.exit(0); }
if (args[0] === 'auth') {
  if (env.GH_STANDIN_LOGGED_OUT) fail('You are not logged into any GitHub hosts. To log in, run: gh auth login');
  console.log('github.com: Logged in to github.com account octo');
  process.exit(0);
}
if (args[0] === 'api') {
  const method = args[1] === '-X' ? args[2] : 'GET';
  const path = args[1] === '-X' ? args[3] : args[1];
  const fields = {};
  args.forEach((arg, index) => { if (arg === '-f') { const [key, ...rest] = args[index + 1].split('='); fields[key] = rest.join('='); } });
  const body = args.includes('--input') ? JSON.parse(stdin || '{}') : fields;
  const notFound = () => fail('gh: Not Found (HTTP 404)');
  const parts = path.split('/');
  if (method === 'GET' && path === 'user') answer({ login: 'octo', id: 1001 });
  if (method === 'GET' && parts[0] === 'users') { const id = ids('GH_STANDIN_USERS')[parts[1]]; id ? answer({ login: parts[1], id }) : notFound(); }
  if (method === 'GET' && parts[0] === 'orgs') { const id = ids('GH_STANDIN_TEAMS')[parts[1] + '/' + parts[3]]; id ? answer({ slug: parts[3], id }) : notFound(); }
  if (parts[0] === 'repos' && parts.length === 3) answer({ full_name: parts[1] + '/' + parts[2], default_branch: env.GH_STANDIN_DEFAULT_BRANCH ?? 'main' });
  if (parts[0] === 'repos' && parts[3] === 'environments') {
    const name = parts[4];
    const stored = state.environments[name];
    if (parts[5] === 'deployment-branch-policies') {
      if (!stored || !stored.deployment_branch_policy?.custom_branch_policies) notFound();
      if (method === 'GET') answer({ total_count: (stored.policies ?? []).length, branch_policies: stored.policies ?? [] });
      stored.policies = [...(stored.policies ?? []), { name: body.name, type: body.type }];
      save();
      answer({ name: body.name, type: body.type });
    }
    if (method === 'GET') {
      if (!stored) notFound();
      const rules = [];
      if (stored.wait_timer) rules.push({ type: 'wait_timer', wait_timer: stored.wait_timer });
      if (stored.reviewers?.length) rules.push({ type: 'required_reviewers', prevent_self_review: stored.prevent_self_review ?? false, reviewers: stored.reviewers.map(({ type, id }) => ({ type, reviewer: { id } })) });
      if (stored.deployment_branch_policy) rules.push({ type: 'branch_policy' });
      answer({ name, protection_rules: rules, deployment_branch_policy: stored.deployment_branch_policy ?? null });
    }
    if (env.GH_STANDIN_NO_ENVIRONMENTS) fail('gh: Failed to create the environment (HTTP 422)');
    const refused = list('GH_STANDIN_REFUSE');
    if ((refused.includes('reviewers') && body.reviewers?.length) || (refused.includes('wait_timer') && body.wait_timer))
      fail('gh: Fail to create protected rule, please ensure billing plan include protected branch gate. (HTTP 422)');
    // A PUT replaces the environment's settings: whatever is left out is cleared.
    state.environments[name] = { ...body, policies: stored?.policies ?? [] };
    save();
    answer({ name });
  }
  if (method === 'PUT') answer({});
  notFound();
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
/** An environment as the stand-in keeps it: the last PUT body and the branch policies added. */
export interface StoredEnvironment {
  reviewers?: { type: string; id: number }[];
  prevent_self_review?: boolean;
  wait_timer?: number;
  deployment_branch_policy?: { protected_branches: boolean; custom_branch_policies: boolean };
  policies?: { name: string; type: string }[];
}

export function installGhStandin(binDir: string): {
  log: string;
  calls: () => GhCall[];
  environments: () => Record<string, StoredEnvironment>;
} {
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
    environments: () =>
      existsSync(`${log}.state.json`)
        ? (
            JSON.parse(readFileSync(`${log}.state.json`, 'utf8')) as {
              environments: Record<string, StoredEnvironment>;
            }
          ).environments
        : {},
  };
}
