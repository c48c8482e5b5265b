/** The one top-level handler's half that decides what the user sees and the exit code. */
import { fileSystemSituation, UsageError, UserError } from '@ml-cicd/core';

export { UsageError, UserError };

export const exitCodes = { ok: 0, findings: 1, user: 1, usage: 2 } as const;

export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? exitCodes.usage : exitCodes.user;
}

export function messageOf(error: unknown, version: string): string {
  if (error instanceof UsageError || error instanceof UserError) return error.message;
  const situation = fileSystemSituation(error);
  if (situation) return situation;
  const detail = error instanceof Error ? error.message : String(error);
  return `Unexpected error: ${detail}\nThis is a bug in ml-cicd ${version} (Node ${process.version}, ${process.platform}); please report it, with this message, on the ml-cicd issue tracker.`;
}
