// Stand-in of the GitHub CLI written by ml-cicd for the workflow-run tests (tests/workflows).
// It implements, against GITHUB_API_URL's REST API, only the commands the generated workflows run:
//   api (GET), release view|create|upload|download, issue list|create|edit|comment|close,
//   label create, pr list|create|edit.
// The repository is --repo, else GH_REPO, else the owner/name of the checkout's origin remote.
// It does NOT emulate: GraphQL (the real `gh issue list` uses it; this calls REST), GH_HOST and
// `gh auth`, `issue list --search` (taken, but every issue of the state is listed: the workflows
// filter by title themselves), pagination past 100 items, --web, templates or editors, and any
// other command or flag, which fail loudly. `pr list` reads REST (GitHub's gh uses GraphQL) and
// gives number, title, headRefName, isCrossRepository and author; `pr create` needs --head (gh
// would push or ask) and opens against main (gh asks GitHub for the default branch).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, matchesGlob } from 'node:path';

const valueFlags = new Set([
  '--target',
  '--title',
  '--notes',
  '--notes-file',
  '--pattern',
  '--dir',
  '--label',
  '--state',
  '--search',
  '--json',
  '--jq',
  '--comment',
  '--body',
  '--body-file',
  '--color',
  '--description',
  '--repo',
  '-R',
  '--head',
  '--base',
]);
const booleanFlags = new Set(['--clobber', '--latest', '--force']);

class Usage extends Error {}

function parse(args) {
  const positional = [];
  const flags = new Map();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (valueFlags.has(arg)) {
      if (i + 1 >= args.length) throw new Usage(`${arg} needs a value`);
      flags.set(arg, [...(flags.get(arg) ?? []), args[++i]]);
    } else if (booleanFlags.has(arg)) flags.set(arg, ['true']);
    else if (arg.startsWith('-')) throw new Usage(`the stand-in does not know the flag ${arg}`);
    else positional.push(arg);
  }
  const one = (flag) => flags.get(flag)?.at(-1);
  return { positional, flags, one, all: (flag) => flags.get(flag) ?? [] };
}

const api = (process.env.GITHUB_API_URL ?? '').replace(/\/+$/, '');
const token = process.env.GH_TOKEN || process.env.GITHUB_TOKEN;

async function call(method, path, body, headers = {}) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      authorization: `token ${token}`,
      accept: 'application/vnd.github+json',
      ...(body && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body instanceof Uint8Array ? body : body && JSON.stringify(body),
  });
  return response;
}

async function json(method, path, body) {
  const response = await call(method, path, body);
  if (!response.ok) {
    const text = await response.text();
    throw new Error(`HTTP ${response.status}: ${text} (${api}${path})`);
  }
  return response.status === 204 ? undefined : response.json();
}

async function findRelease(repo, tag) {
  const path = tag
    ? `/repos/${repo}/releases/tags/${encodeURIComponent(tag)}`
    : `/repos/${repo}/releases/latest`;
  const response = await call('GET', path);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`HTTP ${response.status} (${api}${path})`);
  return response.json();
}

async function uploadAssets(repo, release, files, clobber) {
  for (const file of files) {
    const name = basename(file);
    const existing = release.assets?.find((asset) => asset.name === name);
    if (existing) {
      if (!clobber) throw new Error(`asset under the same name already exists: [${name}]`);
      await json('DELETE', `/repos/${repo}/releases/assets/${existing.id}`);
    }
    const query = `?name=${encodeURIComponent(name)}`;
    const response = await call(
      'POST',
      `/repos/${repo}/releases/${release.id}/assets${query}`,
      readFileSync(file),
      {
        'content-type': 'application/octet-stream',
      },
    );
    if (!response.ok) throw new Error(`HTTP ${response.status} uploading ${name}`);
  }
}

function print(value, args) {
  const fields = args.one('--json')?.split(',');
  const shaped = fields
    ? value.map((item) => Object.fromEntries(fields.map((field) => [field, item[field]])))
    : value;
  if (!fields && !args.one('--jq')) return process.stdout.write(`${JSON.stringify(value)}\n`);
  const expression = args.one('--jq');
  if (!expression) return process.stdout.write(`${JSON.stringify(shaped, null, 2)}\n`);
  const jq = spawnSync('jq', ['-r', expression], {
    input: JSON.stringify(shaped),
    encoding: 'utf8',
  });
  if (jq.error) throw new Error(`--jq needs jq on PATH: ${jq.error.message}`);
  if (jq.status !== 0) throw new Error(`--jq ${expression}: ${jq.stderr.trim()}`);
  process.stdout.write(jq.stdout);
}

const commands = {
  async api(repo, args) {
    const [owner, name] = repo.split('/');
    const path = args.positional[0]?.replaceAll('{owner}', owner).replaceAll('{repo}', name);
    if (!path) throw new Usage('api needs a path');
    const response = await call('GET', `/${path.replace(/^\//, '')}`);
    const text = await response.text();
    if (!response.ok) {
      process.stderr.write(
        `gh: ${JSON.parse(text || '{}').message ?? text} (HTTP ${response.status})\n`,
      );
      return 1;
    }
    print(JSON.parse(text), args);
    return 0;
  },
  async 'release view'(repo, args) {
    const release = await findRelease(repo, args.positional[0]);
    if (!release) {
      process.stderr.write('release not found\n');
      return 1;
    }
    process.stdout.write(`title:\t${release.name}\ntag:\t${release.tag_name}\n`);
    return 0;
  },
  async 'release create'(repo, args) {
    const [tag, ...files] = args.positional;
    if (!tag) throw new Usage('release create needs a tag');
    const notesFile = args.one('--notes-file');
    const release = await json('POST', `/repos/${repo}/releases`, {
      tag_name: tag,
      target_commitish: args.one('--target'),
      name: args.one('--title') ?? tag,
      body: notesFile ? readFileSync(notesFile, 'utf8') : (args.one('--notes') ?? ''),
      make_latest: args.one('--latest') ? 'true' : undefined,
    });
    await uploadAssets(repo, release, files, false);
    process.stdout.write(`${release.html_url}\n`);
    return 0;
  },
  async 'release upload'(repo, args) {
    const [tag, ...files] = args.positional;
    const release = await findRelease(repo, tag);
    if (!release) throw new Error(`release not found: ${tag}`);
    await uploadAssets(repo, release, files, Boolean(args.one('--clobber')));
    return 0;
  },
  async 'release download'(repo, args) {
    const release = await findRelease(repo, args.positional[0]);
    if (!release) throw new Error('release not found');
    const patterns = args.all('--pattern');
    const assets = release.assets.filter(
      (asset) =>
        patterns.length === 0 || patterns.some((pattern) => matchesGlob(asset.name, pattern)),
    );
    if (assets.length === 0) throw new Error('no assets match the file pattern');
    const dir = args.one('--dir') ?? '.';
    mkdirSync(dir, { recursive: true });
    for (const asset of assets) {
      const response = await call('GET', `/repos/${repo}/releases/assets/${asset.id}`, undefined, {
        accept: 'application/octet-stream',
      });
      if (!response.ok) throw new Error(`HTTP ${response.status} downloading ${asset.name}`);
      writeFileSync(join(dir, asset.name), Buffer.from(await response.arrayBuffer()));
    }
    return 0;
  },
  async 'issue list'(repo, args) {
    const query = new URLSearchParams({ state: args.one('--state') ?? 'open', per_page: '100' });
    if (args.all('--label').length) query.set('labels', args.all('--label').join(','));
    const issues = await json('GET', `/repos/${repo}/issues?${query}`);
    print(
      issues.map((issue) => ({ ...issue, author: author(issue.user) })),
      args,
    );
    return 0;
  },
  async 'issue create'(repo, args) {
    const bodyFile = args.one('--body-file');
    const issue = await json('POST', `/repos/${repo}/issues`, {
      title: args.one('--title'),
      body: bodyFile ? readFileSync(bodyFile, 'utf8') : (args.one('--body') ?? ''),
      labels: args.all('--label'),
    });
    process.stdout.write(`${issue.html_url}\n`);
    return 0;
  },
  async 'issue edit'(repo, args) {
    const bodyFile = args.one('--body-file');
    const patch = {};
    if (bodyFile) patch.body = readFileSync(bodyFile, 'utf8');
    if (args.one('--body') !== undefined) patch.body = args.one('--body');
    if (args.one('--title') !== undefined) patch.title = args.one('--title');
    await json('PATCH', `/repos/${repo}/issues/${args.positional[0]}`, patch);
    return 0;
  },
  async 'issue comment'(repo, args) {
    const bodyFile = args.one('--body-file');
    const body = bodyFile ? readFileSync(bodyFile, 'utf8') : args.one('--body');
    await json('POST', `/repos/${repo}/issues/${args.positional[0]}/comments`, { body });
    return 0;
  },
  async 'issue close'(repo, args) {
    const number = args.positional[0];
    if (args.one('--comment')) {
      await json('POST', `/repos/${repo}/issues/${number}/comments`, {
        body: args.one('--comment'),
      });
    }
    await json('PATCH', `/repos/${repo}/issues/${number}`, { state: 'closed' });
    return 0;
  },
  async 'pr list'(repo, args) {
    const query = new URLSearchParams({ state: args.one('--state') ?? 'open', per_page: '100' });
    const head = args.one('--head');
    const pulls = (await json('GET', `/repos/${repo}/pulls?${query}`))
      // gh's --head matches the branch name in any repository, a fork's too.
      .filter((pull) => !head || pull.head.ref === head)
      .map((pull) => ({
        number: pull.number,
        title: pull.title,
        headRefName: pull.head.ref,
        isCrossRepository: pull.head.repo.full_name !== pull.base.repo.full_name,
        author: author(pull.user),
      }));
    print(pulls, args);
    return 0;
  },
  async 'pr create'(repo, args) {
    const head = args.one('--head');
    if (!head) throw new Usage('pr create needs --head: the stand-in neither pushes nor asks');
    const bodyFile = args.one('--body-file');
    const pull = await json('POST', `/repos/${repo}/pulls`, {
      title: args.one('--title'),
      body: bodyFile ? readFileSync(bodyFile, 'utf8') : (args.one('--body') ?? ''),
      head,
      base: args.one('--base') ?? 'main',
    });
    process.stdout.write(`${pull.html_url}\n`);
    return 0;
  },
  async 'pr edit'(repo, args) {
    const bodyFile = args.one('--body-file');
    const patch = {};
    if (bodyFile) patch.body = readFileSync(bodyFile, 'utf8');
    if (args.one('--body') !== undefined) patch.body = args.one('--body');
    if (args.one('--title') !== undefined) patch.title = args.one('--title');
    const pull = await json('PATCH', `/repos/${repo}/pulls/${args.positional[0]}`, patch);
    process.stdout.write(`${pull.html_url}\n`);
    return 0;
  },
  async 'label create'(repo, args) {
    const [name] = args.positional;
    const label = { name, color: args.one('--color'), description: args.one('--description') };
    const response = await call('POST', `/repos/${repo}/labels`, label);
    if (response.status === 422 && args.one('--force')) {
      await json('PATCH', `/repos/${repo}/labels/${encodeURIComponent(name)}`, label);
    } else if (!response.ok) throw new Error(`HTTP ${response.status} creating the label ${name}`);
    return 0;
  },
};

/** owner/name from the last two parts of the origin remote's URL, as gh reads a checkout. */
function originRepository() {
  const remote = spawnSync('git', ['remote', 'get-url', 'origin'], { encoding: 'utf8' });
  const match = /([^/:]+)\/([^/]+?)(?:\.git)?\s*$/.exec(remote.stdout ?? '');
  return remote.status === 0 && match ? `${match[1]}/${match[2]}` : undefined;
}

/** gh names an App's account app/<slug>; the REST API names it <slug>[bot]. */
const author = (user) => ({ login: user?.login.replace(/^(.*)\[bot\]$/, 'app/$1') ?? '' });

async function main(argv) {
  const words = argv[0] === 'api' ? 1 : 2;
  const command = commands[argv.slice(0, words).join(' ')];
  if (!command)
    throw new Usage(`the stand-in does not implement \`gh ${argv.slice(0, 2).join(' ')}\``);
  const args = parse(argv.slice(words));
  const repo = args.one('--repo') ?? args.one('-R') ?? process.env.GH_REPO ?? originRepository();
  if (!repo) throw new Usage('no --repo, GH_REPO or git remote origin names the repository');
  if (!token) {
    throw new Usage(
      'To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable.',
    );
  }
  if (!api) throw new Usage('GITHUB_API_URL is not set');
  return command(repo, args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`gh (stand-in): ${error.message}\n`);
    process.exit(error instanceof Usage ? 2 : 1);
  },
);
