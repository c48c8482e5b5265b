import { describe, expect, it } from 'vitest';
import { mergeAll, type MergeSides } from './merge.js';

const lines = (...items: string[]) => `${items.join('\n')}\n`;

function sides(
  base: Record<string, string>,
  next: Record<string, string>,
  yours: Record<string, string>,
  conflicts: MergeSides['conflicts'] = 'inline',
): MergeSides {
  return {
    base: new Map(Object.entries(base)),
    next: new Map(Object.entries(next)),
    yours: (path) => yours[path],
    labels: { base: 'ml-cicd 1.0.0', next: 'ml-cicd 1.1.0' },
    conflicts,
  };
}

const original = lines('one', 'two', 'three', 'four', 'five', 'six', 'seven');
const upstream = lines('one', 'TWO', 'three', 'four', 'five', 'six', 'seven');

describe('mergeAll', () => {
  it('updates a file the user never touched, and keeps one the template did not change', () => {
    const updates = mergeAll(
      sides({ a: original, b: original }, { a: upstream, b: original }, { a: original, b: 'x\n' }),
    );
    expect(updates).toEqual([
      { path: 'a', outcome: 'updated', write: upstream },
      { path: 'b', outcome: 'unchanged' },
    ]);
  });

  it("merges the user's edit with the template's change when they do not touch", () => {
    const edited = lines('one', 'two', 'three', 'four', 'five', 'six', 'SEVEN');
    const [update] = mergeAll(sides({ a: original }, { a: upstream }, { a: edited }));
    expect(update).toEqual({
      path: 'a',
      outcome: 'merged',
      write: lines('one', 'TWO', 'three', 'four', 'five', 'six', 'SEVEN'),
    });
  });

  it('marks a clash inline, with both sides labelled', () => {
    const edited = lines('one', 'deux', 'three', 'four', 'five', 'six', 'seven');
    const [update] = mergeAll(sides({ a: original }, { a: upstream }, { a: edited }));
    expect(update).toEqual({
      path: 'a',
      outcome: 'conflict',
      write: lines(
        'one',
        '<<<<<<< yours',
        'deux',
        '=======',
        'TWO',
        '>>>>>>> ml-cicd 1.1.0',
        'three',
        'four',
        'five',
        'six',
        'seven',
      ),
    });
  });

  it("with rej, leaves the user's file and gives the template's change as a patch", () => {
    const edited = lines('one', 'deux', 'three', 'four', 'five', 'six', 'seven');
    const [update] = mergeAll(
      sides({ 'ci/a.yml': original }, { 'ci/a.yml': upstream }, { 'ci/a.yml': edited }, 'rej'),
    );
    expect(update?.outcome).toBe('conflict');
    expect(update?.write).toBeUndefined();
    expect(update?.reject).toContain('--- a/ci/a.yml\n+++ b/ci/a.yml\n');
    expect(update?.reject).toContain('\n-two\n+TWO\n');
  });

  it('adds a new template file, and merges one the user already made at its path', () => {
    const updates = mergeAll(
      sides({}, { new: upstream, mine: upstream }, { mine: lines('my own') }),
    );
    expect(updates[0]).toMatchObject({ path: 'mine', outcome: 'conflict' });
    expect(updates[1]).toEqual({ path: 'new', outcome: 'added', write: upstream });
  });

  it('keeps a file the user deleted deleted', () => {
    expect(mergeAll(sides({ a: original }, { a: upstream }, {}))).toEqual([
      { path: 'a', outcome: 'kept-deleted' },
    ]);
  });

  it('removes a file the template dropped only when the user never touched it', () => {
    const updates = mergeAll(
      sides({ a: original, b: original, c: original }, {}, { a: original, b: upstream }),
    );
    expect(updates).toEqual([
      { path: 'a', outcome: 'removed', remove: true },
      { path: 'b', outcome: 'kept-edited' },
      { path: 'c', outcome: 'unchanged' },
    ]);
  });

  it('leaves the manifest to the caller', () => {
    expect(mergeAll(sides({ '.ml-cicd/manifest.json': '{}' }, {}, {}))).toEqual([]);
  });
});
