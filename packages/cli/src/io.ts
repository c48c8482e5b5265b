/** Where a command writes, and whether it may colour its output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Colour only on a terminal and when NO_COLOR is unset. */
  color: boolean;
  cwd: string;
}

export function processIo(): Io {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !noColor,
    cwd: process.cwd(),
  };
}
