// Refreshes the facts in packages/core/reference/ from the projects' own git repositories:
// for each action in action-pins.json, the newest vX.Y.Z tag, the commit it points to, that
// commit's date and the `runs.using` of its action file; for the runner scale set chart, the
// values.yaml of the newest gha-runner-scale-set-X.Y.Z tag. It reads tags with `git ls-remote`
// and fetches one commit per tag, so it needs git and the server (github.com by default; a mirror
// with the same owner/name paths through --server). Review the diff, then change versions.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const { values: flags } = parseArgs({
  options: {
    server: { type: 'string', default: 'https://github.com' },
    dir: { type: 'string', default: fileURLToPath(new URL('../reference', import.meta.url)) },
  },
});
const pinsPath = join(flags.dir, 'action-pins.json');
const chartPath = join(flags.dir, 'gha-runner-scale-set.values.yaml');
const chartRepository = 'actions/actions-runner-controller';
const chartFolder = 'charts/gha-runner-scale-set';

const git = (args, cwd) => execFileSync('git', args, { cwd, encoding: 'utf8' });

function writeAtomically(path, text) {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

const numbers = (version) => version.split('.').map(Number);
const newer = (a, b) => {
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
};

/** The newest tag `<prefix>X.Y.Z` of a repository: its name, commit, and whether it is annotated. */
function newestTag(repository, prefix) {
  const lines = git(['ls-remote', '--tags', `${flags.server}/${repository}`])
    .trim()
    .split('\n');
  const tags = new Map();
  for (const line of lines.filter(Boolean)) {
    const [sha, ref] = line.split('\t');
    const match = new RegExp(`^refs/tags/(${prefix}(\\d+\\.\\d+\\.\\d+))(\\^\\{\\})?$`).exec(ref);
    if (!match) continue;
    const [, tag, version, peeled] = match;
    const known = tags.get(tag) ?? { tag, version, annotated: false };
    if (peeled) Object.assign(known, { sha, annotated: true });
    else if (!known.annotated) known.sha = sha;
    tags.set(tag, known);
  }
  const newest = [...tags.values()].reduce(
    (a, b) => (a && !newer(b.version, a.version) ? a : b),
    undefined,
  );
  if (!newest) throw new Error(`${repository} has no ${prefix}X.Y.Z tag on ${flags.server}.`);
  return newest;
}

/** Fetches the tag's commit into a scratch repository and reads files from it. */
function atTag(repository, tag, read) {
  const scratch = mkdtempSync(join(tmpdir(), 'reference-'));
  try {
    git(['init', '--quiet', '--bare'], scratch);
    git(
      ['fetch', '--quiet', '--depth', '1', `${flags.server}/${repository}`, `refs/tags/${tag}`],
      scratch,
    );
    const commit = git(['rev-parse', 'FETCH_HEAD^{commit}'], scratch).trim();
    const show = (path) => {
      try {
        return git(['show', `${commit}:${path}`], scratch);
      } catch {
        return undefined;
      }
    };
    return read({ commit, date: git(['log', '-1', '--format=%cI', commit], scratch).trim(), show });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const pins = JSON.parse(readFileSync(pinsPath, 'utf8'));
for (const [name, entry] of Object.entries(pins.actions)) {
  const [owner, repo, ...path] = name.split('/');
  const repository = `${owner}/${repo}`;
  const newest = newestTag(repository, 'v');
  const refreshed = atTag(repository, newest.tag, ({ commit, date, show }) => {
    const folder = path.length > 0 ? `${path.join('/')}/` : '';
    const file = ['action.yml', 'action.yaml'].find((f) => show(`${folder}${f}`) !== undefined);
    if (!file) throw new Error(`${name}@${newest.tag} has no action.yml.`);
    const action = parse(show(`${folder}${file}`));
    if (commit !== newest.sha)
      throw new Error(`${name}@${newest.tag}: ls-remote and fetch disagree.`);
    return {
      tag: newest.tag,
      sha: commit,
      date,
      runs_using: action?.runs?.using,
      action_file: `${folder}${file}`,
      tag_type: newest.annotated ? 'annotated' : 'lightweight',
      verified: true,
      inputs_at_tag: Object.keys(action?.inputs ?? {}),
      outputs_at_tag: Object.keys(action?.outputs ?? {}),
    };
  });
  const changed = refreshed.sha !== entry.sha;
  // Notes on an older tag (snapshots, earlier majors, unverified reports) no longer hold.
  pins.actions[name] = changed
    ? { ...refreshed, ...(entry.license ? { license: entry.license } : {}) }
    : { ...entry, ...refreshed };
  console.log(
    `${name}: ${changed ? `${entry.tag} -> ${refreshed.tag}` : `${entry.tag}, unchanged`}`,
  );
}

const chart = newestTag(chartRepository, 'gha-runner-scale-set-');
const chartFiles = atTag(chartRepository, chart.tag, ({ commit, date, show }) => ({
  commit,
  date,
  values: show(`${chartFolder}/values.yaml`),
  manifest: parse(show(`${chartFolder}/Chart.yaml`) ?? '{}'),
}));
if (!chartFiles.values) throw new Error(`${chart.tag} has no ${chartFolder}/values.yaml.`);
pins.arc_chart = {
  name: chartFiles.manifest.name,
  version: chartFiles.manifest.version,
  appVersion: chartFiles.manifest.appVersion,
  source_repository: chartRepository,
  chart_path: chartFolder,
  git_tag: chart.tag,
  git_tag_commit: chartFiles.commit,
  git_tag_commit_date: chartFiles.date,
  files: ['gha-runner-scale-set.values.yaml'],
  verified: true,
};
const header = [
  `# Source: ${chartRepository}, path ${chartFolder}/values.yaml`,
  `# Chart: ${chartFiles.manifest.name} version ${chartFiles.manifest.version} (appVersion ${chartFiles.manifest.appVersion}), git tag ${chart.tag} -> commit ${chartFiles.commit} (${chartFiles.date.slice(0, 10)})`,
  '# Copied verbatim below this header by pnpm reference:refresh. Do not edit; refresh from upstream instead.',
];
writeAtomically(chartPath, `${header.join('\n')}\n${chartFiles.values}`);
console.log(`${chartFiles.manifest.name}: ${chartFiles.manifest.version}`);

pins.generated = new Date().toISOString().slice(0, 10);
pins.note =
  'Refreshed by pnpm reference:refresh: each sha is the commit of the newest vX.Y.Z tag (git ls-remote, the peeled commit for annotated tags), fetched and read back (date, runs.using of the action file). Use as: uses: OWNER/REPO@SHA # TAG';
writeAtomically(pinsPath, `${JSON.stringify(pins, null, 1)}\n`);
console.log(`Wrote ${pinsPath} and ${chartPath}.`);
