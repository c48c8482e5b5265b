const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
type SignalName = keyof typeof exitCodes;

/** Where termination signals come from: `process`, or an EventEmitter in tests. */
export interface SignalSource {
  on(event: SignalName, listener: () => void): unknown;
  off(event: SignalName, listener: () => void): unknown;
}

export interface GuardOptions {
  /** The caller's own abort signal, combined with the process signals. */
  signal?: AbortSignal;
  source?: SignalSource;
  exit?: (code: number) => void;
}

/**
 * Runs `work` with SIGINT/SIGTERM turned into an abort of the signal it receives. `work` stops at
 * its next checkpoint and undoes what it wrote; only then does the process exit, with 130 or 143.
 * Handling the signal ourselves is what stops Node from dying mid-write with the default action;
 * the handlers are removed as soon as `work` settles.
 */
export async function withSignalGuard<T>(
  work: (signal: AbortSignal) => Promise<T>,
  { signal, source = process, exit = (code) => process.exit(code) }: GuardOptions = {},
): Promise<T> {
  const interruption = new AbortController();
  let received: SignalName | undefined;
  const listeners = (Object.keys(exitCodes) as SignalName[]).map((name) => {
    const listener = (): void => {
      // A second Ctrl-C while cleaning up must not cut the cleanup short.
      received ??= name;
      interruption.abort(new Error(`Interrupted by ${name}`));
    };
    source.on(name, listener);
    return [name, listener] as const;
  });
  try {
    return await work(
      signal ? AbortSignal.any([signal, interruption.signal]) : interruption.signal,
    );
  } finally {
    for (const [name, listener] of listeners) source.off(name, listener);
    if (received) exit(exitCodes[received]);
  }
}
