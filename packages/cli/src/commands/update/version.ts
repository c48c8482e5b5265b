/** Release versions (semver) as create-ml-cicd publishes them, and their order. */
import { codeUnitOrder } from '@ml-cicd/core';
import { UsageError } from '../../errors.js';

const semver = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

export function isVersion(text: string): boolean {
  return semver.test(text);
}

export function checkVersion(flag: string, text: string): string {
  if (isVersion(text)) return text;
  throw new UsageError(`${flag} must be a version such as 0.2.0 (got ${JSON.stringify(text)}).`);
}

function compareIdentifiers(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
  if (numeric.test(a) !== numeric.test(b)) return numeric.test(a) ? -1 : 1;
  return codeUnitOrder(a, b);
}

/** Negative when a is older than b, positive when newer, 0 when the same (semver precedence). */
export function compareVersions(a: string, b: string): number {
  const [, ...left] = semver.exec(a) ?? [];
  const [, ...right] = semver.exec(b) ?? [];
  for (let index = 0; index < 3; index += 1) {
    const difference = Number(left[index]) - Number(right[index]);
    if (difference !== 0) return difference;
  }
  const [leftPre, rightPre] = [left[3], right[3]];
  // A pre-release comes before its release.
  if (leftPre === undefined || rightPre === undefined) {
    return leftPre === rightPre ? 0 : leftPre === undefined ? 1 : -1;
  }
  const leftParts = leftPre.split('.');
  const rightParts = rightPre.split('.');
  for (let index = 0; index < Math.min(leftParts.length, rightParts.length); index += 1) {
    const difference = compareIdentifiers(leftParts[index]!, rightParts[index]!);
    if (difference !== 0) return difference;
  }
  return leftParts.length - rightParts.length;
}
