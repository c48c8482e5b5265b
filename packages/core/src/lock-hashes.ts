/**
 * A universal lock lists the hash of every file of each pinned release, wheels for PyPy, Python
 * 3.9 or 3.14 and free-threaded builds included: half of its hashes, none of which pip can pick on
 * the Pythons generated projects support. The locks keep what those Pythons install, on every
 * operating system and CPU, since a user's machine may be any of them (musl, ppc64le, Windows on
 * arm64, ...): `pnpm lock:python` checks that uv's choice on each platform it can target is kept.
 */
import { pythonVersions } from './versions.js';

const minors = pythonVersions.map((version) => Number(version.split('.')[1]));

/** Whether CPython 3.`minor`, not free-threaded, accepts a wheel's python and abi tag (PEP 425). */
function acceptsTags(minor: number, python: string, abi: string): boolean {
  const cpython = /^cp3(\d+)$/.exec(python);
  if (cpython) {
    const built = Number(cpython[1]);
    return abi === 'abi3' ? built <= minor : built === minor && (abi === python || abi === 'none');
  }
  const generic = /^py3(\d*)$/.exec(python);
  return generic !== null && abi === 'none' && (generic[1] === '' || Number(generic[1]) <= minor);
}

/** The supported Python minors that can install a wheel, read from its file name's tags. */
function wheelMinors(filename: string): number[] {
  const [python = '', abi = ''] = filename.slice(0, -'.whl'.length).split('-').slice(-3);
  return minors.filter((minor) =>
    python
      .split('.')
      .some((tag) => abi.split('.').some((abiTag) => acceptsTags(minor, tag, abiTag))),
  );
}

/** Whether pip on a supported Python, on any platform, can install this file of a release. */
export function installableFile(filename: string): boolean {
  return !filename.endsWith('.whl') || wheelMinors(filename).length > 0;
}

/** A wheel that installs on every supported Python and platform: its release's sdist is unused. */
const universalWheel = (filename: string) =>
  filename.endsWith('-any.whl') && wheelMinors(filename).length === minors.length;

/** Written under uv's header, so a reader knows why hashes are fewer than a fresh compile gives. */
export const keptHashesNote = `# ml-cicd kept the hashes of the files CPython ${pythonVersions[0]}-${pythonVersions.at(-1)} can install, on every operating system
# and CPU: its wheels, and the sdist unless a pure-Python wheel serves every one of these Pythons.
# For another Python (3.14, free-threaded, PyPy), delete this file and run the command above: uv
# keeps the hashes of an existing file, and locks anew without one (its pins may move up).
`;

const requirementBlock = /^(\S[^\n]*?) \\\n((?: {4}--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)/gm;

/**
 * The lock without the hashes of files no supported Python installs, nor of an sdist that a
 * universal wheel makes unused. `filenameOf` names the file of a hash; a hash it does not know is
 * kept, and so are all of a requirement's when none would be left.
 */
export function trimLockHashes(lock: string, filenameOf: (sha256: string) => string | undefined) {
  const trimmed = lock.replace(requirementBlock, (block, requirement: string, lines: string) => {
    const hashes = [...lines.matchAll(/sha256:([0-9a-f]{64})/g)].map((match) => match[1]!);
    const installable = hashes.filter((hash) => {
      const filename = filenameOf(hash);
      return filename === undefined || installableFile(filename);
    });
    // pip takes a wheel over the sdist.
    const universal = installable.some((hash) => universalWheel(filenameOf(hash) ?? ''));
    const kept = universal
      ? installable.filter((hash) => filenameOf(hash)?.endsWith('.whl') ?? true)
      : installable;
    if (kept.length === 0) return block;
    return `${[requirement, ...kept.map((hash) => `    --hash=sha256:${hash}`)].join(' \\\n')}\n`;
  });
  return trimmed.replace(/^((?:#[^\n]*\n)+)/, (header) => `${header}${keptHashesNote}`);
}
