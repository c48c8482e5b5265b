import { configPath } from '../validate/project.js';
import type { Problem, Rule } from './rule.js';

const start = /^<{7}(?: |$)/;
const end = /^>{7}(?: |$)/;

function markers(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  let open = false;
  text.split(/\r?\n/).forEach((line, index) => {
    const at = { file, line: index + 1, column: 1 };
    if (start.test(line)) {
      open = true;
      problems.push({
        ...at,
        message: `${file} has an unresolved merge conflict here; keep the lines you want, then delete the <<<<<<<, ======= and >>>>>>> lines.`,
      });
    } else if (end.test(line)) {
      if (!open) {
        problems.push({
          ...at,
          message: `${file} has a stray >>>>>>> conflict marker; resolve the conflict and delete the marker lines.`,
        });
      }
      open = false;
    }
  });
  return problems;
}

/** conflict-markers (C11): no conflict markers in workflows or ml-cicd.yaml, and no `*.rej` files. */
export const conflictMarkers: Rule = {
  id: 'conflict-markers',
  severity: 'error',
  security: ['C11'],
  doc: 'No workflow, local action or `ml-cicd.yaml` holds merge conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`), and no `*.rej` file (a change an update or merge could not apply) is left in the repository: both mean a merge was not finished.',
  check: (project) => [
    ...[configPath, ...project.yamlPaths].flatMap((path) => {
      const text = project.read(path);
      return text === undefined ? [] : markers(path, text);
    }),
    ...project.rejects.map((path) => ({
      file: path,
      line: 1,
      column: 1,
      message: `${path} is a change a merge could not apply; apply it to ${path.replace(/\.rej$/, '')} by hand, then delete it.`,
    })),
  ],
};
