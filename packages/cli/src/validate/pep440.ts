/**
 * Enough of PEP 440 to tell, offline, whether a pinned version is one a requirement's specifier
 * allows: versions with epochs, pre-, post- and dev-releases, and the operators ~= == != <= >= < >
 * === (with `.*` for == and !=). Local labels (`+cpu`) are ignored, as pip ignores them here.
 */
interface Version {
  epoch: number;
  release: number[];
  /** Sorts the phases: dev-only < a < b < rc < final; the number within a phase. */
  pre: [number, number];
  post: number;
  dev: number;
}

const pattern =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?(?:-(\d+)|[-_.]?(?:post|rev|r)[-_.]?(\d*))?(?:[-_.]?dev[-_.]?(\d*))?(?:\+[a-z0-9._-]+)?$/i;

const phases: Record<string, number> = {
  a: 0,
  alpha: 0,
  b: 1,
  beta: 1,
  c: 2,
  rc: 2,
  pre: 2,
  preview: 2,
};

export function parseVersion(text: string): Version | undefined {
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  const [, epoch, release, phase, preNumber, postDash, postNumber, devNumber] = match;
  const isPost = postDash !== undefined || postNumber !== undefined;
  const isDev = devNumber !== undefined;
  return {
    epoch: Number(epoch ?? 0),
    release: release!.split('.').map(Number),
    pre: phase
      ? [phases[phase.toLowerCase()]!, Number(preNumber || 0)]
      : isDev && !isPost
        ? [-1, 0]
        : [3, 0],
    post: isPost ? Number(postDash ?? (postNumber || 0)) : -1,
    dev: isDev ? Number(devNumber || 0) : Number.POSITIVE_INFINITY,
  };
}

function compareNumbers(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  return (
    Math.sign(a.epoch - b.epoch) ||
    compareNumbers(a.release, b.release) ||
    compareNumbers(a.pre, b.pre) ||
    Math.sign(a.post - b.post) ||
    (a.dev === b.dev ? 0 : a.dev < b.dev ? -1 : 1)
  );
}

/** Whether `version`'s release starts with `prefix`'s (`1.2.*` matches 1.2 and 1.2.3). */
function hasPrefix(version: Version, prefix: Version): boolean {
  return (
    version.epoch === prefix.epoch &&
    prefix.release.every((part, index) => (version.release[index] ?? 0) === part)
  );
}

const clause = /^(~=|===|==|!=|<=|>=|<|>)\s*(\S+)$/;

/**
 * Whether `version` satisfies every clause of `specifier` (`>=1.2,<2`); undefined when either
 * cannot be read.
 */
export function satisfies(version: string, specifier: string): boolean | undefined {
  const parsed = parseVersion(version);
  if (!parsed) return undefined;
  const clauses = specifier
    .replace(/^\((.*)\)$/, '$1')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const part of clauses) {
    const match = clause.exec(part);
    if (!match) return undefined;
    const [, op, text] = match as unknown as [string, string, string];
    if (op === '===') {
      if (version.trim() !== text) return false;
      continue;
    }
    const wildcard = text.endsWith('.*');
    const wanted = parseVersion(wildcard ? text.slice(0, -2) : text);
    if (!wanted) return undefined;
    const order = compareVersions(parsed, wanted);
    const ok = (() => {
      switch (op) {
        case '==':
          return wildcard ? hasPrefix(parsed, wanted) : order === 0;
        case '!=':
          return wildcard ? !hasPrefix(parsed, wanted) : order !== 0;
        case '<=':
          return order <= 0;
        case '>=':
          return order >= 0;
        case '<':
          return order < 0;
        case '>':
          return order > 0;
        default: {
          // ~=X.Y.Z: at least X.Y.Z, and the same X.Y.
          const prefix = { ...wanted, release: wanted.release.slice(0, -1) };
          return order >= 0 && wanted.release.length > 1 && hasPrefix(parsed, prefix);
        }
      }
    })();
    if (!ok) return false;
  }
  return true;
}
