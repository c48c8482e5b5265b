/**
 * Trims ajv's error list to one error per actual mistake: ajv reports every failed branch of an
 * anyOf/oneOf and every keyword that fails on a value of the wrong type.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../schema/json-schema.js';
import { closest } from './words.js';

export function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  // Errors inside propertyNames carry the offending key; the propertyNames error names it too.
  let kept = errors.filter((error) => error.propertyName === undefined);
  for (const group of kept.filter(isAlternatives)) {
    const children = kept.filter((error) => error.schemaPath.startsWith(`${group.schemaPath}/`));
    const replacement = onlyRequiredBranches(group) ? [group] : bestBranch(group, children);
    kept = kept.flatMap((error) => {
      if (error === group) return replacement;
      return children.includes(error) ? [] : [error];
    });
  }
  // A value of the wrong type fails its enum, pattern and the like too; the type error says it all.
  const wrongType = new Set(kept.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  kept = kept.filter((error) => error.keyword === 'type' || !wrongType.has(error.instancePath));
  return mergeRequired(kept.filter((error) => !isMisspelt(error, kept)));
}

/** Keys missing from one mapping become one error, with `params.missingProperties`. */
function mergeRequired(errors: readonly ErrorObject[]): ErrorObject[] {
  const byMapping = new Map<string, string[]>();
  return errors.flatMap((error) => {
    if (error.keyword !== 'required') return [error];
    const missing = String(error.params.missingProperty);
    const seen = byMapping.get(error.instancePath);
    if (seen) {
      seen.push(missing);
      return [];
    }
    const missingProperties = [missing];
    byMapping.set(error.instancePath, missingProperties);
    return [{ ...error, params: { missingProperties } }];
  });
}

/** A required key that is there under a misspelt name: the unknown-key error already says so. */
function isMisspelt(error: ErrorObject, errors: readonly ErrorObject[]): boolean {
  if (error.keyword !== 'required') return false;
  const missing = String(error.params.missingProperty);
  return errors.some(
    (other) =>
      other.keyword === 'additionalProperties' &&
      other.instancePath === error.instancePath &&
      closest(String(other.params.additionalProperty), [missing]) === missing,
  );
}

function isAlternatives(error: ErrorObject): boolean {
  return error.keyword === 'anyOf' || error.keyword === 'oneOf';
}

/** `anyOf: [{required: [min]}, {required: [max]}]` reads best as "needs min or max". */
function onlyRequiredBranches(error: ErrorObject): boolean {
  const branches = error.schema as readonly JsonSchema[] | undefined;
  return (branches ?? []).every(
    (branch) => Object.keys(branch).length === 1 && branch.required?.length === 1,
  );
}

/** The errors of the branch that came closest to matching (fewest errors). */
function bestBranch(group: ErrorObject, children: readonly ErrorObject[]): ErrorObject[] {
  const byBranch = new Map<string, ErrorObject[]>();
  for (const child of children) {
    const branch = child.schemaPath.slice(group.schemaPath.length + 1).split('/')[0] ?? '';
    byBranch.set(branch, [...(byBranch.get(branch) ?? []), child]);
  }
  const branches = [...byBranch.values()].sort((a, b) => a.length - b.length);
  return branches[0] ?? [group];
}
