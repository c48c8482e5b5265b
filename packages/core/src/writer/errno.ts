/** The `code` of a Node.js system error (ENOENT, EEXIST, ...), if any. */
export function errorCode(error: unknown): unknown {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
