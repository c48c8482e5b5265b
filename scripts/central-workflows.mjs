// `pnpm central-workflows`: copies every reusable workflow of workflows/ (on: workflow_call) into
// this repository's .github/workflows/, where other repositories can call it by tag or SHA
// (`uses: <org>/ml-cicd/.github/workflows/checks.yml@<sha> # v1.2.3`) instead of copying it.
//   node scripts/central-workflows.mjs --check   fail when a central copy is not its source's
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = join(root, 'workflows');
const central = join(root, '.github/workflows');

/** `workflow_call` among the triggers of a (prettier-formatted) workflow. */
const callable = /^on:\n(?:(?: .*)?\n)*? {2}workflow_call:/m;

function header(name) {
  return [
    `# The central copy of workflows/${name}, made by pnpm central-workflows: edit the source, not this.`,
    `# Call it as uses: <org>/ml-cicd/.github/workflows/${name}@<sha> # <tag>, passing secrets by name`,
    '# (never secrets: inherit). It runs in the calling repository, with that repository\u2019s own',
    '# local actions (.github/actions/...), which a generated project carries.',
    '#',
  ].join('\n');
}

/** Each reusable workflow of workflows/ and the text of its central copy. */
export function centralWorkflows() {
  return readdirSync(sources)
    .filter((name) => /\.ya?ml$/.test(name))
    .flatMap((name) => {
      const text = readFileSync(join(sources, name), 'utf8');
      if (!callable.test(text)) return [];
      return [{ name, text: `${header(name)}\n${text}` }];
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const { name, text } of centralWorkflows()) {
    const target = join(central, name);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === text) continue;
    stale.push(`.github/workflows/${name}`);
    if (!check) writeFileSync(target, text);
  }
  if (check && stale.length > 0) {
    process.stderr.write(
      `✖ ${stale.join(', ')} differ from workflows/: run pnpm central-workflows and commit.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    check ? '✔ The central workflows are their sources.\n' : `✔ Wrote ${stale.length} files.\n`,
  );
}
