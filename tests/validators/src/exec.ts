import { spawn } from 'node:child_process';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function exec(
  command: string,
  args: readonly string[],
  cwd: string,
  stdin = '',
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      // A backtrace in the environment would bury zizmor's one-line errors.
      env: { ...process.env, RUST_BACKTRACE: '0', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // A tool that exits without reading its input closes the pipe: its exit code still tells.
    child.stdin.on('error', () => {});
    child.stdin.end(stdin);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export class ToolError extends Error {
  constructor(tool: string, result: ExecResult) {
    super(
      `${tool} failed with exit code ${result.code}: ${result.stderr.trim() || result.stdout.trim()}`,
    );
    this.name = 'ToolError';
  }
}
