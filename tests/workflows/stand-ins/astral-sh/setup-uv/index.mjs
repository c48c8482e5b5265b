// The repository's uv on PATH, and uv's cache where the workflow asked for it: the suite's shared
// cache (enable-cache true) or an empty folder of the run (false).
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, globSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const append = (file, line) => appendFileSync(process.env[file], `${line}\n`);

function fail(message) {
  process.stdout.write(`::error title=setup-uv stand-in::${message}\n`);
  process.exit(1);
}

const uv = process.env.ML_CICD_UV;
if (!uv || !existsSync(uv)) fail('ML_CICD_UV names no uv binary; run pnpm setup:tools.');
const provided = /^uv (\S+)/.exec(execFileSync(uv, ['--version'], { encoding: 'utf8' }))?.[1];
const wanted = input('version');
if (wanted && wanted !== provided)
  fail(`version: ${wanted} is not the uv the stand-in provides (${provided}); it downloads none.`);

const enableCache = input('enable-cache');
if (!['true', 'false'].includes(enableCache))
  fail(`enable-cache: ${enableCache} is not emulated; set true or false.`);
const glob = input('cache-dependency-glob');
const workspace = process.env.GITHUB_WORKSPACE;
for (const pattern of glob.split('\n').filter(Boolean)) {
  if (globSync(pattern.trim(), { cwd: workspace }).length === 0)
    fail(`cache-dependency-glob: ${pattern.trim()} matches no file in the workspace.`);
}

const bin = join(process.env.RUNNER_TEMP, 'setup-uv', 'bin');
mkdirSync(bin, { recursive: true });
if (!existsSync(join(bin, 'uv'))) symlinkSync(uv, join(bin, 'uv'));
append('GITHUB_PATH', bin);

let cacheDir = join(process.env.RUNNER_TEMP, 'setup-uv', 'cache');
let hit = false;
if (enableCache === 'true') {
  cacheDir = process.env.ML_CICD_UV_CACHE;
  if (!cacheDir) fail('ML_CICD_UV_CACHE names no folder for the shared uv cache.');
  hit = existsSync(cacheDir) && readdirSync(cacheDir).length > 0;
}
mkdirSync(cacheDir, { recursive: true });
append('GITHUB_ENV', `UV_CACHE_DIR=${cacheDir}`);
append('GITHUB_OUTPUT', `uv-version=${provided}`);
append('GITHUB_OUTPUT', `uv-path=${join(bin, 'uv')}`);
append('GITHUB_OUTPUT', `cache-hit=${hit}`);
console.log(`uv ${provided} from ${uv}; UV_CACHE_DIR=${cacheDir}${hit ? ' (warm)' : ''}.`);
