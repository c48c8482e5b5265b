import { isScalar } from 'yaml';
import { steps, usesOf } from '../validate/workflow.js';
import { get, getMap } from '../validate/yaml-nodes.js';
import { problemAtOffset, type Rule } from './rule.js';

const workspace = /^\$\{\{\s*github\.workspace\s*\}\}\/?\*{0,2}$/;

/** Why uploading `path` leaks something, or undefined when it does not. */
function leak(path: string): string | undefined {
  const normal = path.replace(/^\.\/+/, '').replace(/\/+$/, '');
  const parts = normal.split('/');
  if (['', '.', '*', '**', '**/*'].includes(normal) || workspace.test(path)) {
    return 'uploads the whole workspace, with .git and any .env';
  }
  if (parts.includes('.git')) return 'uploads .git, with the checkout token when it was kept';
  if (normal.endsWith('.dvc/config.local'))
    return "uploads DVC's local config, with remote credentials";
  if (normal === '~/.aws' || normal.startsWith('~/.aws/')) return 'uploads AWS credentials';
  if (parts.at(-1) === '.env') return 'uploads a .env file of secrets';
  return undefined;
}

/** artifact-paths (W34): artifacts never hold the workspace, `.git`, or credential files. */
export const artifactPaths: Rule = {
  id: 'artifact-paths',
  severity: 'error',
  security: ['W34'],
  doc: 'The `path:` of an actions/upload-artifact step never uploads the workspace root, `.git/`, `.dvc/config.local`, `~/.aws` or a `.env` file: artifacts can be downloaded by anyone who can read the repository.',
  check: (project) =>
    project.workflows.flatMap((workflow) =>
      steps(workflow).flatMap((step) => {
        if (usesOf(step.node)?.target.toLowerCase() !== 'actions/upload-artifact') return [];
        const path = get(getMap(step.node, 'with'), 'path');
        if (!isScalar(path) || !path.range) return [];
        const source = workflow.text.slice(path.range[0], path.range[1]);
        let cursor = 0;
        // One path per line of the value; each is found in the source to point at its own line.
        return String(path.value)
          .split('\n')
          .flatMap((line) => {
            const value = line.trim();
            const found = value ? source.indexOf(value, cursor) : -1;
            if (found >= 0) cursor = found + value.length;
            const why = !value || value.startsWith('!') ? undefined : leak(value);
            if (!why) return [];
            return [
              problemAtOffset(
                workflow,
                path.range![0] + Math.max(found, 0),
                `upload-artifact path "${value}" ${why}; upload only the folder the job writes (e.g. outputs).`,
              ),
            ];
          });
      }),
    ),
};
