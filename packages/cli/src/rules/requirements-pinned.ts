import { readdirSync } from 'node:fs';
import type { Project } from '../validate/project.js';
import type { Problem, Rule } from './rule.js';

/** pip options that are not requirements. */
const option =
  /^(-[rcif]\b|--(requirement|constraint|index-url|extra-index-url|find-links|no-index|no-binary|only-binary|prefer-binary|require-hashes|pre|trusted-host|use-feature)\b)/;
const editable = /^(-e\b|--editable\b)/;
const pinned = /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*===?\s*[^\s,;*]+\s*(;|$)/;
const direct = /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*@\s*\S+/;

export interface Requirement {
  text: string;
  line: number;
  column: number;
}

/** Logical lines (continuations joined, comments dropped), each with where it starts. */
export function requirements(text: string): Requirement[] {
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

type Kind = 'editable' | 'unpinned' | 'unhashed';

interface Finding extends Requirement {
  kind: Kind;
  /** The requirement's name (`-e <path>` for an editable one), and what it asks for. */
  name: string;
  spec: string;
}

function classify(requirement: Requirement): Finding | undefined {
  const { text } = requirement;
  if (editable.test(text)) {
    const shown = text.split(/\s+/).slice(0, 2).join(' ');
    return { ...requirement, kind: 'editable', name: shown, spec: shown };
  }
  const spec = text.split(/\s+--hash[=\s]/)[0]!.trim();
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec)?.[0] ?? spec;
  if (!pinned.test(spec) && !direct.test(spec)) {
    return { ...requirement, kind: 'unpinned', name, spec };
  }
  if (!/(^|\s)--hash[=\s]/.test(text)) return { ...requirement, kind: 'unhashed', name, spec };
  return undefined;
}

/** What is wrong with one requirement. */
function single({ kind, name, spec }: Finding, lock: string): string {
  switch (kind) {
    case 'editable':
      return `${name} is an editable requirement, which cannot be hashed; install the project another way and lock the file with hashes (${lock}).`;
    case 'unpinned':
      return `${name} is not pinned to one version (${JSON.stringify(spec)}); lock the file with exact versions and hashes (${lock}).`;
    case 'unhashed':
      return `${spec} has no --hash, so pip cannot check what it downloads; lock the file with hashes (${lock}).`;
  }
}

/** What is wrong with several requirements of one file, in one sentence: one cause, one fix. */
function several(file: string, findings: Finding[], total: number, lock: string): string {
  const count = findings.length;
  const some = count === total ? `all ${total}` : `${count} of the ${total}`;
  const names = findings.slice(0, 3).map((finding) => finding.name);
  const examples = `${names.join(', ')}${count > names.length ? ', …' : ''}`;
  switch (findings[0]!.kind) {
    case 'editable':
      return `${file} has ${count} editable requirements (${examples}), which cannot be hashed; install them another way and lock the file with hashes (${lock}).`;
    case 'unpinned':
      return `${some} requirements of ${file} are not pinned to one version (${examples}); lock the file with exact versions and hashes (${lock}).`;
    case 'unhashed':
      return `${some} requirements of ${file} have no --hash (${examples}), so pip cannot check what it downloads; lock the file with hashes (${lock}).`;
  }
}

/** One finding per kind of problem in a file, at its first requirement that has it. */
function problems(file: string, text: string): Problem[] {
  const lock = `uv pip compile --generate-hashes ${file.replace(/\.txt$/, '.in')} -o ${file}`;
  const all = requirements(text).filter((requirement) => !option.test(requirement.text));
  const found = all.flatMap((requirement) => classify(requirement) ?? []);
  const kinds = [...new Set(found.map((finding) => finding.kind))];
  return kinds.map((kind) => {
    const ofKind = found.filter((finding) => finding.kind === kind);
    const first = ofKind[0]!;
    const message =
      ofKind.length === 1 ? single(first, lock) : several(file, ofKind, all.length, lock);
    return { file, line: first.line, column: first.column, message };
  });
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
  doc: 'Every requirement in a `requirements*.txt` file at the root is pinned with `==` and carries `--hash` values, so `pip install --require-hashes` installs exactly what was locked, locally and in CI. Editable requirements cannot be hashed. Several requirements of one file with the same problem (a pip-compile run without `--generate-hashes`, an unpinned list) are one finding, at the first of them.',
  check: (project) =>
    requirementFiles(project).flatMap((file) => problems(file, project.read(file) ?? '')),
};
