import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackFiles, ZipError } from './unzip.ts';
import { tempDir } from '../test/temp-dir.ts';

const MiB = 2 ** 20;
const loss = '{"loss": 0.25}'.repeat(100);

/**
 * A zip made by Python's zipfile: method 0 (stored) or 8 (deflated), to a pipe (sizes in data
 * descriptors only) or not, or zip64 throughout: every size and offset of the directory in a zip64
 * field, and the end record's counts and offsets saying "see the zip64 end record", as past 4 GiB.
 */
function pythonZip(method: 0 | 8, how: 'file' | 'streamed' | 'zip64'): string {
  const script = [
    'import io, struct, sys, zipfile',
    "zip64 = sys.argv[1] == 'zip64'",
    "target = sys.stdout.buffer if sys.argv[1] == 'streamed' else io.BytesIO()",
    `with zipfile.ZipFile(target, "w", ${method}) as archive:`,
    '    archive.writestr("metrics.json", \'{"accuracy": 0.9}\')',
    '    archive.writestr("eval/", "")',
    `    archive.writestr("eval/loss.json", '${loss}')`,
    '    archive.writestr("model.pkl", "weights")',
    '    archive.comment = b"made by a test"',
    // Python writes the directory's zip64 fields from 2 GiB and 65535 entries on; from 0 on, here.
    '    if zip64: zipfile.ZIP64_LIMIT = zipfile.ZIP_FILECOUNT_LIMIT = 0',
    'if target is sys.stdout.buffer: sys.exit()',
    'zip = bytearray(target.getvalue())',
    'if zip64: struct.pack_into("<HHII", zip, zip.rindex(b"PK\\x05\\x06") + 8, *[0xFFFF] * 2, *[0xFFFFFFFF] * 2)',
    'sys.stdout.buffer.write(zip)',
  ].join('\n');
  return save(execFileSync('python3', ['-c', script, how]));
}

function save(zip: Buffer): string {
  const path = join(tempDir('zip-'), 'artifact.zip');
  writeFileSync(path, zip);
  return path;
}

/** A deflated zip of one file of `size` bytes of zeros, whose directory may say it is smaller. */
function zerosZip(size: number, declared = size): string {
  const script = [
    'import io, struct, sys, zipfile',
    'size, declared = int(sys.argv[1]), int(sys.argv[2])',
    'target = io.BytesIO()',
    'with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:',
    '    archive.writestr("metrics.json", bytes(size))',
    'zip = bytearray(target.getvalue())',
    'for signature, at in ((b"PK\\x03\\x04", 22), (b"PK\\x01\\x02", 24)):',
    '    struct.pack_into("<I", zip, zip.index(signature) + at, declared)',
    'sys.stdout.buffer.write(zip)',
  ].join('\n');
  return save(execFileSync('python3', ['-c', script, String(size), String(declared)]));
}

const unpacked = (dir: string) => readdirSync(dir, { recursive: true }).sort();
const freshDir = () => tempDir('out-');

describe('unpackFiles', () => {
  it.each([
    [0, 'file'],
    [8, 'file'],
    [8, 'streamed'],
    [0, 'zip64'],
    [8, 'zip64'],
  ] as const)(
    'writes the named files of a zip with method %i (%s), no others',
    async (method, how) => {
      const dir = freshDir();
      await unpackFiles(
        pythonZip(method, how),
        ['./metrics.json', 'eval/loss.json', 'missing.json'],
        dir,
        MiB,
      );
      expect(unpacked(dir)).toEqual(['eval', 'eval/loss.json', 'metrics.json']);
      expect(readFileSync(join(dir, 'metrics.json'), 'utf8')).toBe('{"accuracy": 0.9}');
      expect(readFileSync(join(dir, 'eval/loss.json'), 'utf8')).toBe(loss);
    },
  );

  it('refuses files that would unpack past the limit, naming them and the limit, before inflating any', async () => {
    const dir = freshDir();
    const unpacking = unpackFiles(zerosZip(3 * MiB), ['metrics.json'], dir, 2 * MiB);
    await expect(unpacking).rejects.toThrow(
      new ZipError('metrics.json would unpack to 3 MiB, over the limit of 2 MiB'),
    );
    expect(unpacked(dir)).toEqual([]);
  });

  it('stops a file that inflates past the size it declares', async () => {
    const dir = freshDir();
    const unpacking = unpackFiles(zerosZip(8 * MiB, 1000), ['metrics.json'], dir, MiB);
    await expect(unpacking).rejects.toThrow(/too many bytes in the stream/);
  });

  it('refuses what is not a zip, and a zip with a name that leaves the folder', async () => {
    const dir = freshDir();
    const notZip = save(Buffer.from('{"message": "Not Found"}'));
    await expect(unpackFiles(notZip, ['metrics.json'], dir, MiB)).rejects.toThrow(
      /End of central directory record signature not found/,
    );
    const escaping = pythonEscapingZip();
    await expect(unpackFiles(escaping, ['metrics.json'], dir, MiB)).rejects.toThrow(
      'invalid relative path: ../escaped.json',
    );
    expect(existsSync(join(dir, '..', 'escaped.json'))).toBe(false);
  });
});

function pythonEscapingZip(): string {
  const script = [
    'import sys, zipfile',
    'with zipfile.ZipFile(sys.stdout.buffer, "w") as archive:',
    '    archive.writestr("metrics.json", "{}")',
    '    archive.writestr("../escaped.json", "{}")',
  ].join('\n');
  return save(execFileSync('python3', ['-c', script]));
}
