import path from 'node:path';
import { PlanPathError } from './errors.js';
import type { Plan } from './types.js';

/** Why `relative` is not a safe, canonical relative posix path, or undefined when it is. */
function problem(relative: string): string | undefined {
  if (relative === '') return 'it is empty';
  if (relative.includes('\0')) return 'it contains a NUL character';
  if (relative.includes('\\')) return 'it contains a backslash; use "/"';
  // A colon makes a Windows drive path ("C:x") or an NTFS alternate data stream.
  if (relative.includes(':')) return 'it contains ":"';
  if (relative.startsWith('/')) return 'it is absolute';
  for (const segment of relative.split('/')) {
    if (segment === '') return 'it has an empty segment';
    if (segment === '..') return 'it has a ".." segment';
    if (segment === '.') return 'it has a "." segment';
  }
  return undefined;
}

/** Throws a PlanPathError unless every path is safe and no file is also a folder of another. */
export function validatePlan(plan: Plan, executable: ReadonlySet<string> = new Set()): void {
  for (const relative of plan.keys()) {
    const reason = problem(relative);
    if (reason) throw new PlanPathError(relative, reason);
    const segments = relative.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      if (plan.has(folder))
        throw new PlanPathError(relative, `"${folder}" is also a file in the plan`);
    }
  }
  for (const relative of executable) {
    if (!plan.has(relative))
      throw new PlanPathError(relative, 'it is marked executable but not in the plan');
  }
}

/** The filesystem path of a validated plan path under `root`, with the platform's separators. */
export function toFsPath(root: string, relative: string, paths: path.PlatformPath = path): string {
  return paths.join(root, ...relative.split('/'));
}
