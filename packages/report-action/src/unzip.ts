/**
 * Unpacks named files of a zip archive, as GitHub serves artifacts, with yauzl: zip64, the sizes
 * from the central directory (upload-artifact streams its zips and leaves them out of the local
 * headers), unsafe names refused, and no entry inflated past the size it declares.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

export class ZipError extends Error {
  override name = 'ZipError';
}

const mib = (bytes: number) => `${Number((bytes / 2 ** 20).toFixed(1))} MiB`;

/**
 * Writes the files of the archive whose names are listed into dir; a name it lacks is left out.
 * The sizes they declare must add up to limit bytes at most: that is checked before any is
 * inflated, and yauzl fails an entry that inflates to more than it declares.
 */
export async function unpackFiles(
  zipPath: string,
  names: string[],
  dir: string,
  limit: number,
): Promise<void> {
  const wanted = new Set(names.map((name) => posix.normalize(name)));
  const zip = await yauzl.openPromise(zipPath, { autoClose: false });
  try {
    const entries: yauzl.Entry[] = [];
    for await (const entry of zip.eachEntry()) {
      const isFile = !entry.fileName.endsWith('/');
      if (isFile && wanted.has(posix.normalize(entry.fileName))) entries.push(entry);
    }
    const size = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (size > limit) {
      const files = entries.map((entry) => entry.fileName).join(', ');
      throw new ZipError(`${files} would unpack to ${mib(size)}, over the limit of ${mib(limit)}`);
    }
    for (const entry of entries) {
      const path = join(dir, entry.fileName);
      mkdirSync(dirname(path), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(path));
    }
  } finally {
    zip.close();
  }
}
