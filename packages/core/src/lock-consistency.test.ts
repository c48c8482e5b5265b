/**
 * What the committed locks must hold, checked offline: every requirement set a project can get has
 * its locks, each pin of the `.in` texts (the typed pin map) is locked at that version for every
 * supported Python, every locked requirement has hashes, no requirement is locked twice for one
 * Python, and each lock's header says which files' hashes it keeps. Whether uv would write the same
 * lock, and whether each holds the file uv installs on each platform, needs PyPI: that is
 * `pnpm lock:python --check`, not a test.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requirementSets } from './combinations.js';
import { keptHashesNote } from './lock-hashes.js';
import { lockCommand, lockFiles, readLocks } from './locks.js';
import { pythonVersions } from './versions.js';
import { repoAssets } from '../test/assets.js';

interface Locked {
  name: string;
  version: string;
  hashes: number;
  marker: string | undefined;
}

const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** The requirements of a `uv pip compile --generate-hashes` file. */
function lockedRequirements(text: string): Locked[] {
  const entries = text.split(/^(?=[A-Za-z0-9])/m).filter((entry) => /^[A-Za-z0-9]/.test(entry));
  return entries.map((entry) => {
    const head = /^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?==([^\s;\\]+)(?:\s*;\s*([^\\\n]+))?/.exec(
      entry,
    );
    if (!head) throw new Error(`Not a pinned requirement: ${entry.split('\n')[0]}`);
    return {
      name: normalize(head[1]!),
      version: head[2]!,
      hashes: entry.match(/--hash=sha256:[0-9a-f]{64}/g)?.length ?? 0,
      marker: head[3]?.trim(),
    };
  });
}

const pinsOf = (inText: string) =>
  [...inText.matchAll(/^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?==(\S+)/gm)].map(
    ([, name, version]) => ({
      name: normalize(name!),
      version: version!,
    }),
  );

/** Whether a marker holds on a Python: true, false, or undefined when it also depends on the platform. */
type Truth = boolean | undefined;

function compareVersions(left: string, right: string): number {
  const a = left.split('.').map(Number);
  const b = right.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function comparison(version: string, operator: string, operand: string): boolean {
  if (operand.endsWith('.*')) {
    const prefix = operand.slice(0, -2);
    const matches = `${version}.`.startsWith(`${prefix}.`);
    if (operator === '==') return matches;
    if (operator === '!=') return !matches;
  }
  const order = compareVersions(version, operand);
  const results: Record<string, boolean> = {
    '<': order < 0,
    '<=': order <= 0,
    '>': order > 0,
    '>=': order >= 0,
    '==': order === 0,
    '!=': order !== 0,
  };
  if (!(operator in results)) throw new Error(`Unknown marker operator ${operator}`);
  return results[operator]!;
}

/** Evaluates the markers uv writes (comparisons joined by and/or, with parentheses) on `python`. */
function markerHolds(marker: string, python: string): Truth {
  const tokens = marker.match(/\(|\)|'[^']*'|"[^"]*"|[<>=!]=?|[\w.]+/g) ?? [];
  let position = 0;
  const next = () => tokens[position++];
  const atom = (): Truth => {
    if (tokens[position] === '(') {
      next();
      const value = either();
      if (next() !== ')') throw new Error(`Unbalanced marker: ${marker}`);
      return value;
    }
    const variable = next()!;
    const operator = next()!;
    const operand = next()!.slice(1, -1);
    if (variable === 'python_full_version') return comparison(`${python}.0`, operator, operand);
    if (variable === 'python_version') return comparison(python, operator, operand);
    return undefined;
  };
  const both = (): Truth => {
    let value = atom();
    while (tokens[position] === 'and') {
      next();
      const right = atom();
      value = value === false || right === false ? false : value && right;
    }
    return value;
  };
  const either = (): Truth => {
    let value = both();
    while (tokens[position] === 'or') {
      next();
      const right = both();
      value =
        value === true || right === true
          ? true
          : value === undefined || right === undefined
            ? undefined
            : false;
    }
    return value;
  };
  const value = either();
  if (position !== tokens.length) throw new Error(`Cannot read marker: ${marker}`);
  return value;
}

const appliesOn = (entry: Locked, python: string) =>
  entry.marker === undefined ? true : markerHolds(entry.marker, python);

describe('markerHolds', () => {
  it.each([
    ["python_full_version < '3.11'", '3.10', true],
    ["python_full_version < '3.11'", '3.11', false],
    ["python_full_version == '3.11.*'", '3.11', true],
    ["python_full_version == '3.11.*'", '3.12', false],
    ["python_full_version >= '3.11' and implementation_name != 'PyPy'", '3.10', false],
    ["python_full_version >= '3.11' and implementation_name != 'PyPy'", '3.12', undefined],
    ["python_full_version < '3.11' or sys_platform == 'win32'", '3.10', true],
    ["python_full_version < '3.11' or sys_platform == 'win32'", '3.13', undefined],
    [
      "python_full_version < '3.11' and (platform_machine == 'x86_64' or sys_platform == 'win32')",
      '3.12',
      false,
    ],
  ] as const)('%s on %s is %s', (marker, python, expected) => {
    expect(markerHolds(marker, python)).toBe(expected);
  });
});

describe('the committed requirement locks', () => {
  const sets = requirementSets(repoAssets);
  const lockDir = join(repoAssets.templatesDir, 'locks');

  it('belong each to a requirement set a project can get', () => {
    expect(readdirSync(lockDir).sort()).toEqual([...sets.keys()].sort());
  });

  describe.each([...sets])('%s', (key, set) => {
    const locks = readLocks(repoAssets.templatesDir, key);
    const inputs = { 'requirements.txt': set.runtimeIn, 'requirements-dev.txt': set.devIn };

    it('exist (pnpm lock:python makes them)', () => {
      expect(locks).toBeDefined();
    });

    it.each(lockFiles)(
      '%s pins every requirement of its .in, with hashes, for every Python',
      (file) => {
        const text = locks![file];
        const input = file.replace('.txt', '.in');
        expect(text).toContain(lockCommand(input, file));
        expect(text).toContain(keptHashesNote);
        const locked = lockedRequirements(text);
        expect(locked.filter((entry) => entry.hashes === 0).map((entry) => entry.name)).toEqual([]);
        // The dev lock includes requirements.in through `-r`.
        const direct =
          file === 'requirements-dev.txt' ? [set.runtimeIn, set.devIn] : [inputs[file]];
        for (const pin of direct.flatMap(pinsOf)) {
          const lines = locked.filter((entry) => entry.name === pin.name);
          expect(
            lines.map((entry) => entry.version),
            `${pin.name} in ${file}`,
          ).toEqual(lines.map(() => pin.version));
          for (const python of pythonVersions) {
            expect(
              lines.some((entry) => appliesOn(entry, python) !== false),
              `${pin.name}==${pin.version} on Python ${python}`,
            ).toBe(true);
          }
        }
        for (const python of pythonVersions) {
          const certain = locked.filter((entry) => appliesOn(entry, python) === true);
          const names = certain.map((entry) => entry.name);
          expect(
            names.filter((name, index) => names.indexOf(name) !== index),
            `locked twice on Python ${python}`,
          ).toEqual([]);
        }
        const dead = locked.filter((entry) =>
          pythonVersions.every((python) => appliesOn(entry, python) === false),
        );
        expect(dead.map((entry) => `${entry.name}; ${entry.marker}`)).toEqual([]);
      },
    );
  });
});
