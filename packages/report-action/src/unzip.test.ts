import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readZip, ZipError } from './unzip.ts';

/** A zip made by Python's zipfile: method 0 (stored) or 8 (deflated), to a pipe or not. */
function pythonZip(method: 0 | 8, streamed: boolean): Buffer {
  const script = [
    'import io, sys, zipfile',
    `target = sys.stdout.buffer if ${streamed ? 'True' : 'False'} else io.BytesIO()`,
    `with zipfile.ZipFile(target, "w", ${method}, allowZip64=False) as archive:`,
    '    archive.writestr("metrics.json", \'{"accuracy": 0.9}\')',
    '    archive.writestr("eval/", "")',
    '    archive.writestr("eval/loss.json", \'{"loss": 0.25}\' * 100)',
    '    archive.comment = b"made by a test"',
    'if isinstance(target, io.BytesIO): sys.stdout.buffer.write(target.getvalue())',
  ].join('\n');
  return execFileSync('python3', ['-c', script]);
}

describe('readZip', () => {
  it.each([
    [0, false],
    [8, false],
    [8, true],
  ] as const)(
    'reads every file of a zip with method %i (streamed: %s), folders left out',
    (method, streamed) => {
      const files = readZip(pythonZip(method, streamed));
      expect([...files.keys()]).toEqual(['metrics.json', 'eval/loss.json']);
      expect(files.get('metrics.json')?.toString()).toBe('{"accuracy": 0.9}');
      expect(files.get('eval/loss.json')?.toString()).toBe('{"loss": 0.25}'.repeat(100));
    },
  );

  it('refuses what is not a zip', () => {
    expect(() => readZip(Buffer.from('{"message": "Not Found"}'))).toThrow(ZipError);
  });
});
