import { readdirSync } from 'node:fs';
import type { Project } from '../validate/project.js';
import type { Problem, Rule } from './rule.js';

/** pip options that are not requirements. */
const option =
  /^(-[rcif]\b|--(requirement|constraint|index-url|extra-index-url|find-links|no-index|no-binary|only-binary|prefer-binary|require-hashes|pre|trusted-host|use-feature)\b)/;
const editable = /^(-e\b|--editable\b)/;
const pinned = /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*===?\s*[^\s,;*]+\s*(;|$)/;
const direct = /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*@\s*\S+/;

interface Requirement {
  text: string;
  line: number;
  column: number;
}

/** Logical lines (continuations joined, comments dropped), each with where it starts. */
function requirements(text: string): Requirement[] {
  const found: Requirement[] = [];
  let current: Requirement | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '');
    const continues = /\\\s*$/.test(line);
    const body = line.replace(/\\\s*$/, '');
    if (current) current.text += ` ${body.trim()}`;
    else if (body.trim()) {
      current = { text: body.trim(), line: index + 1, column: body.search(/\S/) + 1 };
    }
    if (!continues && current) {
      found.push(current);
      current = undefined;
    }
  });
  if (current) found.push(current);
  return found;
}

function problem(file: string, requirement: Requirement): string | undefined {
  const { text } = requirement;
  if (option.test(text)) return undefined;
  const lock = `uv pip compile --generate-hashes ${file.replace(/\.txt$/, '.in')} -o ${file}`;
  if (editable.test(text)) {
    return `${text.split(/\s+/).slice(0, 2).join(' ')} is an editable requirement, which cannot be hashed; install the project another way and lock the file with hashes (${lock}).`;
  }
  const spec = text.split(/\s+--hash[=\s]/)[0]!.trim();
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec)?.[0] ?? spec;
  if (!pinned.test(spec) && !direct.test(spec)) {
    return `${name} is not pinned to one version (${JSON.stringify(spec)}); lock the file with exact versions and hashes (${lock}).`;
  }
  if (!/(^|\s)--hash[=\s]/.test(text)) {
    return `${spec} has no --hash, so pip cannot check what it downloads; lock the file with hashes (${lock}).`;
  }
  return undefined;
}

function requirementFiles(project: Project): string[] {
  return readdirSync(project.dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /^requirements.*\.txt$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** requirements-pinned (W23): every requirement is `==`-pinned with `--hash`es. */
export const requirementsPinned: Rule = {
  id: 'requirements-pinned',
  severity: 'error',
  security: ['W23'],
  doc: 'Every requirement in a `requirements*.txt` file at the root is pinned with `==` and carries `--hash` values, so `pip install --require-hashes` installs exactly what was locked, locally and in CI. Editable requirements cannot be hashed.',
  check: (project) =>
    requirementFiles(project).flatMap((file): Problem[] =>
      requirements(project.read(file) ?? '').flatMap((requirement) => {
        const message = problem(file, requirement);
        return message
          ? [{ file, line: requirement.line, column: requirement.column, message }]
          : [];
      }),
    ),
};
