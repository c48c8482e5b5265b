/**
 * A feature's folder imports nothing from another feature's folder: a piece several features use
 * lives in a core module outside `features/`, and what one offers another is declared on the model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { features as registry } from '../src/features/index.js';

const features = fileURLToPath(new URL('../src/features/', import.meta.url));

/** `from '…'`, `import '…'`, `import('…')` and `vi.mock('…')`, relative specifiers only. */
const specifier = /(?:\bfrom|\bimport|\bimport\(|\bvi\.mock\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The feature folder `path` lies in, or undefined outside every one (`features/types.ts`, `src/…`). */
function featureOf(path: string): string | undefined {
  const parts = relative(features, path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : undefined;
}

/** Each import of `file` that reaches into another feature's folder, as `file:line imports 'x'`. */
function crossings(file: string): string[] {
  const own = featureOf(file);
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, index) =>
      [...text.matchAll(specifier)]
        .map((match) => match[1]!)
        .filter((spec) => {
          const other = featureOf(resolve(dirname(file), spec));
          return other !== undefined && other !== own;
        })
        .map((spec) => `${relative(features, file)}:${index + 1} imports '${spec}'`),
    );
}

const folders = readdirSync(features, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('feature folders', () => {
  it('exist', () => {
    expect(folders).toContain('base');
  });

  it.each(folders)('%s imports from no other feature’s folder', (id) => {
    expect(tsFiles(join(features, id)).flatMap(crossings)).toEqual([]);
  });
});

describe('features that name others (serves, needs)', () => {
  const byId = new Map<string, (typeof registry)[number]>(registry.map((f) => [f.id, f]));
  const naming = registry.flatMap((feature) =>
    [...(feature.serves ?? []), ...(feature.needs ?? [])].map((id) => [feature.id, id] as const),
  );

  it('exist', () => {
    expect(naming.map(([, id]) => id)).toContain('release');
  });

  // A named feature that is itself on only through others would never turn this one on.
  it.each(naming)('%s names %s, a feature a choice, an answer or nothing turns on', (_, id) => {
    const named = byId.get(id);
    expect(named, `${id} is not in the registry`).toBeDefined();
    expect(named?.serves ?? named?.needs).toBeUndefined();
  });

  it.each(registry.filter((feature) => feature.serves || feature.needs).map((f) => f.id))(
    '%s is turned on by the features it names alone',
    (id) => {
      const feature = byId.get(id)!;
      expect([feature.choice, feature.on]).toEqual([undefined, undefined]);
    },
  );
});
