/** Turns one ajv error into one sentence naming the path and what would be valid. */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { formatPath, isRecord, pointerToPath, showValue, subject, type Path } from '../path.js';
import type { PathProblem } from '../path-problem.js';
import type { JsonSchema } from '../schema/json-schema.js';
import { replacedValues } from '../schema/kinds.js';
import { patternMeaning } from '../schema/patterns.js';
import { closest, list, typeWord, withArticle } from './words.js';

export function describeError(error: ErrorObject, root: unknown): PathProblem {
  const path = pointerToPath(error.instancePath, root);
  const schema = (error.parentSchema ?? {}) as JsonSchema;
  const value = error.data;
  const params = error.params as Record<string, unknown>;
  const where = path.length === 0 ? 'the top level' : formatPath(path);
  const at = subject(path, value);
  const problem = (message: string): PathProblem => ({ path, message });

  switch (error.keyword) {
    case 'type':
      return problem(typeMessage(where, at, schema, value));
    case 'const':
      return problem(`${at} must be ${showValue(schema.const)}.`);
    case 'enum':
      return problem(`${at} must be one of ${list(schema.enum ?? [])}.`);
    case 'pattern': {
      const pattern = String(params.pattern);
      return problem(`${at} must be ${patternMeaning(pattern) ?? `a match of ${pattern}`}.`);
    }
    case 'minLength':
      return problem(
        params.limit === 1
          ? `${where} must not be empty.`
          : `${at} must be at least ${params.limit} characters long.`,
      );
    case 'maxLength':
      return problem(`${at} must be at most ${params.limit} characters long.`);
    case 'minimum':
    case 'maximum':
      return problem(`${at} must be ${rangeWords(error.keyword, schema)}.`);
    case 'maxProperties':
      return problem(
        `${where} has ${Object.keys(value as object).length} entries; at most ${params.limit} are allowed.`,
      );
    case 'minItems':
      return problem(
        params.limit === 1
          ? `${where} must not be empty.`
          : `${where} must have at least ${params.limit} items.`,
      );
    case 'maxItems':
      return problem(
        `${where} has ${(value as unknown[]).length} items; at most ${params.limit} are allowed.`,
      );
    case 'uniqueItems': {
      const index = Math.max(Number(params.i), Number(params.j));
      const item = (value as unknown[])[index];
      return {
        path: [...path, index],
        message: `${where} lists ${showValue(item)} more than once.`,
      };
    }
    case 'required':
      return problem(missingKeys(where, params.missingProperties as string[], schema));
    case 'additionalProperties':
      return unknownKey(path, where, String(params.additionalProperty), schema, error.schemaPath);
    case 'propertyNames':
      return propertyName(path, where, String(params.propertyName), schema);
    case 'discriminator':
      return discriminator(path, where, String(params.tag), value, schema);
    case 'anyOf':
    case 'oneOf': {
      const keys = ((error.schema ?? []) as JsonSchema[]).flatMap(
        (branch) => branch.required ?? [],
      );
      return problem(`${where} must have at least one of the keys ${list(keys)}.`);
    }
    default:
      return problem(`${at} is not valid here.`);
  }
}

function typeMessage(where: string, at: string, schema: JsonSchema, value: unknown): string {
  const expected = typeWord(schema.type);
  if (value === null) return `${where} is empty; it must be ${expected}.`;
  const scalar = typeof value !== 'object';
  if (schema.type === 'string' && scalar && schema.enum) {
    const quoted = schema.enum.map((allowed) => JSON.stringify(allowed));
    return `${at} must be a quoted string: one of ${quoted.join(', ')}.`;
  }
  if (schema.type === 'string' && scalar) return `${at} must be a string; quote it.`;
  return scalar
    ? `${at} must be ${expected}.`
    : `${where} must be ${expected}, not ${showValue(value)}.`;
}

function rangeWords(keyword: 'minimum' | 'maximum', { minimum, maximum }: JsonSchema): string {
  if (minimum !== undefined && maximum !== undefined) return `between ${minimum} and ${maximum}`;
  return keyword === 'minimum' ? `at least ${minimum}` : `at most ${maximum}`;
}

function missingKeys(where: string, keys: readonly string[], schema: JsonSchema): string {
  const [key] = keys;
  if (keys.length > 1 || key === undefined) {
    return `${where} is missing the required keys ${list(keys)}.`;
  }
  const title = schema.properties?.[key]?.title;
  return `${where} is missing the required key ${key}${title ? ` (${title})` : ''}.`;
}

function unknownKey(
  path: Path,
  where: string,
  key: string,
  schema: JsonSchema,
  schemaPath: string,
): PathProblem {
  const known = Object.keys(schema.properties ?? {});
  const branch =
    schemaPath.includes('/oneOf/') && schema.title ? ` for ${withArticle(schema.title)}` : '';
  const typo = closest(key, known);
  const hint = typo ? `did you mean ${typo}?` : `valid keys are ${list(known)}.`;
  return {
    path: [...path, key],
    anchor: 'key',
    message: `${where} has an unknown key ${JSON.stringify(key)}${branch}; ${hint}`,
  };
}

function propertyName(path: Path, where: string, key: string, schema: JsonSchema): PathProblem {
  const pattern = schema.propertyNames?.pattern ?? '';
  const meaning = patternMeaning(pattern) ?? `a match of ${pattern}`;
  return {
    path: [...path, key],
    anchor: 'key',
    message: `the key ${JSON.stringify(key)} in ${where} must be ${meaning}.`,
  };
}

/** A tag (a param's `type`, the `kind` of runner, data or a DVC remote) picks the branch; name its values. */
function discriminator(
  path: Path,
  where: string,
  tag: string,
  value: unknown,
  schema: JsonSchema,
): PathProblem {
  const allowed = list((schema.oneOf ?? []).map((branch) => branch.properties?.[tag]?.const));
  const tagValue = isRecord(value) ? value[tag] : undefined;
  if (tagValue === undefined) {
    return { path, message: `${where} is missing the required key ${tag} (one of ${allowed}).` };
  }
  const tagPath = [...path, tag];
  const replacement = replacedValues[tagPath.join('.')]?.[String(tagValue)];
  if (replacement) {
    return {
      path: tagPath,
      message: `${subject(tagPath, tagValue)} is no longer offered: run ml-cicd update, which moves the project to ${replacement}.`,
    };
  }
  return { path: tagPath, message: `${subject(tagPath, tagValue)} must be one of ${allowed}.` };
}
