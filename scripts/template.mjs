// `pnpm template:build`: renders the default project with the built create-ml-cicd into template/,
// the folder published as the "Use this template" repository, and adds what only the template has:
// the setup marker, the first-push workflow and its local action with the bundled generator.
//   node scripts/template.mjs            write template/
//   node scripts/template.mjs --check    fail when template/ is not what the generator makes now
//   node scripts/template.mjs --out DIR  write the template into DIR instead (tests, variants)
//   node scripts/template.mjs --out DIR -- --runner self-hosted   a variant: create-ml-cicd flags
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { lockKey } from '@ml-cicd/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const binDir = join(root, 'packages/create-ml-cicd/dist');
const setupSources = join(root, 'packages/create-ml-cicd/template-setup');
export const templateDir = join(root, 'template');
/** The name the template is rendered with; a repository made from it gets its own on first push. */
export const templateName = 'ml-project';

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}

/** The bundled bin, with only the templates, lock and workflows the project reads. */
function vendorGenerator(project, action) {
  const bin = join(action, 'bin');
  for (const entry of readdirSync(binDir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.js'))
      copy(join(binDir, entry.name), join(bin, entry.name));
  }
  // The bundle is ES modules; the template has no package.json of its own to say so.
  writeFileSync(join(bin, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  const { features } = JSON.parse(readFileSync(join(project, '.ml-cicd/manifest.json'), 'utf8'));
  for (const feature of features) {
    const folder = join(binDir, 'templates', feature);
    if (existsSync(folder)) copy(folder, join(bin, 'templates', feature));
  }
  // The project's own hashed requirements are its lock, byte for byte: stored under the key the
  // generator looks it up by, they spare the bin's file of every lock.
  const read = (name) => readFileSync(join(project, name), 'utf8');
  const locks = join(
    bin,
    'templates/locks',
    lockKey(read('requirements.in'), read('requirements-dev.in')),
  );
  for (const name of ['requirements.txt', 'requirements-dev.txt'])
    copy(join(project, name), join(locks, name));
  copy(join(binDir, 'workflows'), join(bin, 'workflows'));
}

/** Renders the template into `out`, which must not exist yet. */
export function renderTemplate(out, flags = []) {
  if (!existsSync(join(binDir, 'index.js'))) {
    throw new Error(`${binDir}/index.js is missing: run pnpm --filter create-ml-cicd... build.`);
  }
  const work = mkdtempSync(join(tmpdir(), 'ml-cicd-template-'));
  try {
    const project = join(work, templateName);
    const render = spawnSync(
      process.execPath,
      [join(binDir, 'index.js'), project, '--yes', '--no-git', '--json', ...flags],
      {
        encoding: 'utf8',
        env: { ...process.env, CI: '1' },
      },
    );
    if (render.status !== 0) throw new Error(`create-ml-cicd failed: ${render.stderr}`);
    const action = join(project, '.github/actions/template-setup');
    copy(join(setupSources, 'action.yml'), join(action, 'action.yml'));
    copy(join(setupSources, 'setup.mjs'), join(action, 'setup.mjs'));
    vendorGenerator(project, action);
    copy(join(setupSources, 'workflow.yml'), join(project, '.github/workflows/template-setup.yml'));
    copy(join(setupSources, 'template-setup'), join(project, '.ml-cicd/template-setup'));
    mkdirSync(dirname(out), { recursive: true });
    cpSync(project, out, { recursive: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function files(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? files(dir, path) : [path];
  });
}

/** Paths that differ between two trees: missing on one side or with other bytes. */
export function treeDifferences(a, b) {
  const left = new Set(existsSync(a) ? files(a) : []);
  const right = new Set(existsSync(b) ? files(b) : []);
  return [...new Set([...left, ...right])]
    .sort()
    .filter(
      (path) =>
        !left.has(path) ||
        !right.has(path) ||
        !readFileSync(join(a, path)).equals(readFileSync(join(b, path))),
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    options: { check: { type: 'boolean' }, out: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length > 0 && !values.out) {
    process.stderr.write('✖ create-ml-cicd flags make a variant: give it a folder with --out.\n');
    process.exit(2);
  }
  if (values.out) {
    renderTemplate(values.out, positionals);
  } else {
    const fresh = mkdtempSync(join(tmpdir(), 'ml-cicd-template-fresh-'));
    try {
      renderTemplate(join(fresh, 'template'));
      const stale = treeDifferences(join(fresh, 'template'), templateDir);
      if (values.check) {
        if (stale.length > 0) {
          process.stderr.write(
            `✖ template/ is not what the generator makes now (${stale.slice(0, 10).join(', ')}${stale.length > 10 ? ', …' : ''}): run pnpm template:build and commit it.\n`,
          );
          process.exit(1);
        }
        process.stdout.write('✔ template/ is what the generator makes now.\n');
      } else {
        rmSync(templateDir, { recursive: true, force: true });
        cpSync(join(fresh, 'template'), templateDir, { recursive: true });
        process.stdout.write(
          `✔ Rendered the template into ${templateDir} (${stale.length} files changed).\n`,
        );
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }
}
