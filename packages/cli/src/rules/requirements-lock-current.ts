import { readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { lockCommand } from '@ml-cicd/core';
import type { Project } from '../validate/project.js';
import { satisfies } from '../validate/pep440.js';
import { requirements, type Requirement } from './requirements-pinned.js';
import type { Problem, Rule } from './rule.js';

/** PEP 503: names that differ only in case and runs of `-_.` are the same project. */
const normal = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

const include = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?=[^\s=]))(\S+)$/;
const requirementText =
  /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(@\s*\S+|[^;]*)\s*(?:;\s*(.*))?$/;

/**
 * A requirement of a lock: its name, and its version when it is pinned with `==` (one that is not
 * is requirements-pinned's finding, not a stale lock).
 */
const pinText =
  /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:===?\s*([^\s;\\,]+)(?=\s*(?:;|\\|$))|[^#]*)/;

/** A requirement of a .in file, or of a file it includes. */
interface Wanted extends Requirement {
  name: string;
  file: string;
  specifier: string;
  /** `-c`: a bound on a version if it is pinned, not a requirement to pin it. */
  constraint: boolean;
  /** A marker may leave it out of the lock (another platform's), which is not compared offline. */
  marked: boolean;
}

/** The requirements of `file` and of the files its -r and -c lines include, once each. */
function wanted(project: Project, file: string, constraint = false, seen = new Set<string>()) {
  const found: Wanted[] = [];
  const files: string[] = [];
  const text = seen.has(file) ? undefined : project.read(file);
  if (text === undefined) return { found, files };
  seen.add(file);
  files.push(file);
  for (const requirement of requirements(text)) {
    const included = include.exec(requirement.text);
    if (included) {
      const path = posix.normalize(posix.join(posix.dirname(file), included[2]!));
      const more = wanted(project, path, constraint || included[1]!.includes('c'), seen);
      found.push(...more.found);
      files.push(...more.files);
      continue;
    }
    if (requirement.text.startsWith('-')) continue;
    const parts = requirementText.exec(requirement.text);
    if (!parts) continue;
    const specifier = parts[2]!.trim();
    found.push({
      ...requirement,
      name: parts[1]!,
      file,
      specifier: specifier.startsWith('@') ? '' : specifier,
      constraint,
      marked: parts[3] !== undefined,
    });
  }
  return { found, files };
}

interface Pin extends Requirement {
  versions: string[];
  /** The `# via` annotations of a uv or pip-compile lock; undefined without them. */
  via?: string[];
}

/** The pins of a lock by normalized name, with what pulled each in. */
function pins(text: string): Map<string, Pin> {
  const found = new Map<string, Pin>();
  let current: Pin | undefined;
  let listing = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const pin = pinText.exec(raw);
    if (pin) {
      const key = normal(pin[1]!);
      const known = found.get(key);
      current = known ?? { text: pin[1]!, line: index + 1, column: 1, versions: [] };
      if (pin[2] !== undefined) current.versions.push(pin[2]);
      found.set(key, current);
      listing = false;
      return;
    }
    const comment = /^\s+#\s*(via\b)?\s*(.*)$/.exec(raw);
    if (!current || !comment) {
      if (!/^\s/.test(raw) || !raw.trim().startsWith('--hash')) listing = false;
      return;
    }
    if (comment[1]) {
      current.via ??= [];
      if (comment[2]) current.via.push(comment[2]);
      listing = !comment[2];
    } else if (listing && comment[2]) {
      current.via?.push(comment[2]);
    }
  });
  return found;
}

function check(project: Project, input: string): Problem[] {
  const lock = input.replace(/\.in$/, '.txt');
  const locked = project.read(lock);
  if (locked === undefined) return [];
  const relock = `re-lock it offline from nothing but the .in files: ${lockCommand(input, lock)}`;
  const { found, files } = wanted(project, input);
  const pinned = pins(locked);
  const problems: Problem[] = [];
  const at = (where: Wanted | Pin, file: string, message: string) =>
    problems.push({ file, line: where.line, column: where.column, message });
  for (const requirement of found) {
    const pin = pinned.get(normal(requirement.name));
    if (!pin) {
      if (!requirement.constraint && !requirement.marked) {
        at(
          requirement,
          requirement.file,
          `${requirement.name} is in ${requirement.file}, but ${lock} does not pin it: the lock is older than ${input}; ${relock}.`,
        );
      }
      continue;
    }
    if (!requirement.specifier || pin.versions.length === 0) continue;
    const allowed = pin.versions.map((version) => satisfies(version, requirement.specifier));
    if (allowed.some((ok) => ok !== false)) continue;
    at(
      requirement,
      requirement.file,
      `${lock} pins ${pin.text}==${pin.versions.join(' and ')}, which "${requirement.name}${requirement.specifier}" in ${requirement.file} does not allow: the lock is older than ${input}; ${relock}.`,
    );
  }
  const named = new Set(found.filter((item) => !item.constraint).map((item) => normal(item.name)));
  const sources = new Set(files.map((file) => posix.basename(file)));
  for (const [name, pin] of pinned) {
    if (named.has(name) || !pin.via || pin.via.length === 0) continue;
    // Pinned only because a .in named it, and none does now.
    const onlyNamed = pin.via.every((source) => /^-[rc]\s/.test(source));
    const ours = pin.via.some((source) => sources.has(posix.basename(source.slice(3).trim())));
    if (!onlyNamed || !ours) continue;
    at(
      pin,
      lock,
      `${lock} pins ${pin.text} because ${input} named it, but no requirement of ${input} does now: the lock is older than ${input}; ${relock}.`,
    );
  }
  return problems;
}

/** The .in files of the root, and the one beside the requirements file train.yml installs. */
function inputs(project: Project): string[] {
  const root = readdirSync(project.dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /^requirements.*\.in$/.test(entry.name))
    .map((entry) => entry.name);
  const train = project.config?.train?.requirements;
  const beside =
    typeof train === 'string' && train.endsWith('.txt') ? [train.replace(/\.txt$/, '.in')] : [];
  const nested = beside.filter((path) => !root.includes(path) && project.read(path) !== undefined);
  return [...root, ...nested].sort();
}

/** requirements-lock-current: each requirements*.in is locked in its .txt as it is now. */
export const requirementsLockCurrent: Rule = {
  id: 'requirements-lock-current',
  severity: 'error',
  security: [],
  doc: "Each `requirements*.in` at the root (and the one beside the file `train.requirements` in `ml-cicd.yaml` names) agrees with its lock, the `.txt` of the same name: every requirement of the `.in` and of the files its `-r` lines include is pinned in the lock at a version its specifier allows (a `-c` constraint bounds a pinned version, and a requirement with a marker may be left out); and the lock pins nothing only because the `.in` named it (its `# via -r` annotation) that the `.in` no longer names. Checked offline, from the files alone: no package index is asked. A finding means the `.in` was edited after the lock was made; re-lock with the command in the `.in`'s header.",
  check: (project) => inputs(project).flatMap((input) => check(project, input)),
};
