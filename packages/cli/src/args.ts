/** A flag helper shared by the commands (parsing itself is core's parseFlags). */
import { UsageError } from '@ml-cicd/core';

/** `value` as one of `allowed`, or a usage error naming the flag and the valid values. */
export function oneOf<const A extends readonly string[]>(
  flag: string,
  value: string | undefined,
  allowed: A,
  fallback: A[number],
): A[number] {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as A[number];
  throw new UsageError(
    `${flag} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)}).`,
  );
}
