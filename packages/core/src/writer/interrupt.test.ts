import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { withSignalGuard } from './interrupt.js';

function fakeProcess() {
  const source = new EventEmitter();
  const exit = vi.fn<(code: number) => void>();
  const listeners = () => source.listenerCount('SIGINT') + source.listenerCount('SIGTERM');
  return { source, exit, listeners };
}

/** Work that waits for its abort signal, then (like the writer) cleans up and rethrows. */
function abortable(cleanedUp: string[]) {
  return (signal: AbortSignal) =>
    new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => {
        cleanedUp.push('cleaned');
        reject(signal.reason);
      });
    });
}

describe('withSignalGuard', () => {
  it('installs SIGINT and SIGTERM handlers only while the work runs', async () => {
    const { source, exit, listeners } = fakeProcess();
    const result = await withSignalGuard(
      async () => {
        expect(listeners()).toBe(2);
        return 'done';
      },
      { source, exit },
    );
    expect(result).toBe('done');
    expect(listeners()).toBe(0);
    expect(exit).not.toHaveBeenCalled();
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s aborts the work, waits for its cleanup, then exits %i', async (name, code) => {
    const { source, exit, listeners } = fakeProcess();
    const cleanedUp: string[] = [];
    exit.mockImplementation(() => expect(cleanedUp).toEqual(['cleaned']));

    const run = withSignalGuard(abortable(cleanedUp), { source, exit });
    source.emit(name);
    await expect(run).rejects.toThrow(`Interrupted by ${name}`);
    expect(exit).toHaveBeenCalledExactlyOnceWith(code);
    expect(listeners()).toBe(0);
  });

  it('keeps cleaning up when a second Ctrl-C arrives, and exits once', async () => {
    const { source, exit } = fakeProcess();
    const run = withSignalGuard(abortable([]), { source, exit });
    source.emit('SIGINT');
    source.emit('SIGTERM');
    await expect(run).rejects.toThrow('Interrupted by SIGINT');
    expect(exit).toHaveBeenCalledExactlyOnceWith(130);
  });

  it("passes the caller's abort through without exiting", async () => {
    const { source, exit, listeners } = fakeProcess();
    const controller = new AbortController();
    const run = withSignalGuard(abortable([]), { signal: controller.signal, source, exit });
    controller.abort(new Error('caller aborted'));
    await expect(run).rejects.toThrow('caller aborted');
    expect(exit).not.toHaveBeenCalled();
    expect(listeners()).toBe(0);
  });

  it('removes the handlers when the work fails on its own', async () => {
    const { source, exit, listeners } = fakeProcess();
    await expect(
      withSignalGuard(() => Promise.reject(new Error('boom')), { source, exit }),
    ).rejects.toThrow('boom');
    expect(listeners()).toBe(0);
    expect(exit).not.toHaveBeenCalled();
  });
});
