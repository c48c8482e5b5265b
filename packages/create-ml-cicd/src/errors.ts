/** The one top-level handler: what the user sees and the exit code, for every kind of failure. */
import { fileSystemSituation, UsageError, UserError } from '@ml-cicd/core';

/** The user cancelled a prompt or pressed Ctrl-C: nothing was written. */
export class Cancelled extends Error {
  override name = 'Cancelled';
  constructor() {
    super('Cancelled: nothing was written.');
  }
}

const exitCodes = { user: 1, usage: 2, cancelled: 130 } as const;

export function exitCodeOf(error: unknown): number {
  if (error instanceof Cancelled) return exitCodes.cancelled;
  if (error instanceof UsageError) return exitCodes.usage;
  // User errors and unexpected ones alike: 1 (an unexpected one also says it is a bug).
  return exitCodes.user;
}

export function messageOf(error: unknown, version: string): string {
  if (error instanceof Cancelled || error instanceof UsageError || error instanceof UserError) {
    return error.message;
  }
  const situation = fileSystemSituation(error);
  if (situation) return situation;
  const detail = error instanceof Error ? error.message : String(error);
  return `Unexpected error: ${detail}\nThis is a bug in create-ml-cicd ${version} (Node ${process.version}, ${process.platform}); please report it, with this message, on the ml-cicd issue tracker.`;
}
