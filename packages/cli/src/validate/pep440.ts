/**
 * Whether a pinned version is one a requirement's specifier allows, by PEP 440, offline:
 * `@renovatebot/pep440`, with pre-releases allowed (a lock pins one only when asked to) and the
 * old `(>=1.0)` parentheses of a requirement taken off.
 */
import { satisfies as pep440Satisfies, valid, validRange } from '@renovatebot/pep440';

/** Undefined when the version or the specifier is not PEP 440, so nothing can be said. */
export function satisfies(version: string, specifier: string): boolean | undefined {
  const range = specifier.trim().replace(/^\((.*)\)$/, '$1');
  if (!valid(version) || !validRange(range)) return undefined;
  return pep440Satisfies(version, range, { prereleases: true });
}
