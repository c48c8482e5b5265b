/** Progress lines for a suite that runs for minutes in CI: which step, and how long it took. */

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

export function say(line: string): void {
  process.stdout.write(`[e2e] ${line}\n`);
}

/** Runs one named step, printing when it starts and how long it took (or that it failed). */
export async function step<T>(title: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  say(`▶ ${title}`);
  try {
    const result = await work();
    say(`✔ ${title} (${seconds(started)})`);
    return result;
  } catch (error) {
    say(`✖ ${title} failed after ${seconds(started)}`);
    throw error;
  }
}
