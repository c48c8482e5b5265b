/**
 * A universal lock lists the hash of every file of each pinned release, wheels for PyPy, musl,
 * 32-bit, s390x or Python 3.14 included: two thirds of the hashes, none of which pip can pick on
 * the platforms generated projects support. The locks keep the files those platforms can install.
 */
import { pythonVersions } from './versions.js';

const minors = pythonVersions.map((version) => Number(version.split('.')[1]));

/** Platform tags of Linux and macOS on x86_64 and arm64, and of 64-bit Windows on x86_64. */
const supportedPlatform = (tag: string) =>
  tag === 'any' ||
  tag === 'win_amd64' ||
  /^(manylinux\d*|manylinux_\d+_\d+|linux)_(x86_64|aarch64)$/.test(tag) ||
  /^macosx_\d+_\d+_(x86_64|arm64|universal2|intel)$/.test(tag);

/** Whether CPython 3.`minor` accepts a wheel of this python and abi tag (PEP 425). */
function acceptsTags(minor: number, python: string, abi: string): boolean {
  const cpython = /^cp3(\d+)$/.exec(python);
  if (cpython) {
    const built = Number(cpython[1]);
    return abi === 'abi3' ? built <= minor : built === minor && (abi === python || abi === 'none');
  }
  const generic = /^py3(\d*)$/.exec(python);
  return generic !== null && abi === 'none' && (generic[1] === '' || Number(generic[1]) <= minor);
}

/** Whether pip on a supported Python and platform can install this file of a release. */
export function installableFile(filename: string): boolean {
  if (!filename.endsWith('.whl')) return true; // an sdist builds anywhere
  const [python = '', abi = '', platform = ''] = filename
    .slice(0, -'.whl'.length)
    .split('-')
    .slice(-3);
  return (
    python
      .split('.')
      .some((tag) =>
        abi.split('.').some((abiTag) => minors.some((minor) => acceptsTags(minor, tag, abiTag))),
      ) && platform.split('.').some(supportedPlatform)
  );
}

/** Written under uv's header, so a reader knows why hashes are fewer than a fresh compile gives. */
export const keptHashesNote = `# ml-cicd kept the hashes of the files pip can install on CPython ${pythonVersions[0]}-${pythonVersions.at(-1)} (Linux and macOS
# on x86_64 and arm64, Windows on x86_64): the wheels, and the sdist where no wheel is pure Python.
# Running the command above brings back the rest.
`;

const requirementBlock = /^(\S[^\n]*?) \\\n((?: {4}--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)/gm;

/**
 * The lock without the hashes of files no supported platform installs, nor of an sdist that a
 * pure-Python wheel makes unused. `filenameOf` names the file of a hash; a hash it does not know
 * is kept, and so are all of a requirement's when none would be left.
 */
export function trimLockHashes(lock: string, filenameOf: (sha256: string) => string | undefined) {
  const trimmed = lock.replace(requirementBlock, (block, requirement: string, lines: string) => {
    const hashes = [...lines.matchAll(/sha256:([0-9a-f]{64})/g)].map((match) => match[1]!);
    const installable = hashes.filter((hash) => {
      const filename = filenameOf(hash);
      return filename === undefined || installableFile(filename);
    });
    // pip takes a wheel over the sdist, and a pure-Python wheel installs everywhere.
    const pure = installable.some((hash) => filenameOf(hash)?.endsWith('-none-any.whl'));
    const kept = pure
      ? installable.filter((hash) => filenameOf(hash)?.endsWith('.whl') ?? true)
      : installable;
    if (kept.length === 0) return block;
    return `${[requirement, ...kept.map((hash) => `    --hash=sha256:${hash}`)].join(' \\\n')}\n`;
  });
  return trimmed.replace(/^((?:#[^\n]*\n)+)/, (header) => `${header}${keptHashesNote}`);
}
