/**
 * The YAML writer against the `yaml` package: for every file of every combination in the render
 * matrix, the same text as the library writes with `yamlOptions`, and text that reads back as the
 * data it was made from.
 */
import { Document, isScalar, parse, Scalar, visit } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { answerCombinations, combinationName } from '../src/combinations.js';
import { tagOf } from '../src/versions.js';
import { Commented, yamlOptions, type toYaml as ToYaml } from '../src/yaml.js';
import { repoAssets } from './assets.js';

type Call = Parameters<typeof ToYaml>;
const calls: { args: Call; text: string }[] = [];

vi.mock('../src/yaml.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/yaml.js')>();
  return {
    ...original,
    toYaml: (...args: Call) => {
      const text = original.toYaml(...args);
      calls.push({ args, text });
      return text;
    },
  };
});

const { buildProject } = await import('../src/plan.js');

/** Commented values as the library's scalars with a comment; everything else as it is. */
function libraryNodes(value: unknown): unknown {
  if (value instanceof Commented) {
    const scalar = new Scalar(value.value);
    scalar.comment = ` ${value.comment}`;
    return scalar;
  }
  if (Array.isArray(value)) return value.map(libraryNodes);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, libraryNodes(v)]));
  }
  return value;
}

function libraryYaml(value: unknown, comment?: string, notes: Record<string, string> = {}) {
  const doc = new Document(libraryNodes(value), { aliasDuplicateObjects: false });
  const asComment = (text: string) => text.replace(/^/gm, ' ').trimEnd();
  if (comment) doc.commentBefore = asComment(comment);
  for (const [path, note] of Object.entries(notes)) {
    const keys = path.split('.');
    const pair = doc.getIn(keys.slice(0, -1), true) as { items: { key: Scalar }[] } | undefined;
    const parent = keys.length > 1 ? pair : (doc.contents as unknown as typeof pair);
    const key = parent!.items.find((item) => item.key.value === keys.at(-1))!.key;
    key.commentBefore = asComment(note);
  }
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(pair.value)) return;
      const tag = tagOf(String(pair.value.value));
      if (tag) pair.value.comment = ` ${tag}`;
    },
  });
  return doc.toString(yamlOptions);
}

/** The data a reader gets back: comments gone, undefined entries left out. */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_, v) => (v instanceof Commented ? v.value : v)));

describe('the YAML writer', () => {
  for (const answers of answerCombinations()) {
    it(`writes the files of ${combinationName(answers)} as the yaml package does`, () => {
      calls.length = 0;
      buildProject(answers, repoAssets);
      expect(calls.length).toBeGreaterThan(5);
      for (const { args, text } of calls) {
        expect(text).toBe(libraryYaml(...args));
        expect(parse(text)).toEqual(plain(args[0]));
      }
    });
  }

  it('quotes what would read as another type, and writes line breaks as a literal block', async () => {
    const { toYaml } = await vi.importActual<typeof import('../src/yaml.js')>('../src/yaml.js');
    const value = {
      on: { push: null },
      versions: ['3.12', '10', 'true', 'null', '', 'a: b', "it's", 'say "hi"', '- x', '#x'],
      run: 'echo one\necho two\n',
      stripped: 'no end\nof line',
      empty: { map: {}, list: [] },
      nested: [[1, 2], [{ a: 1, b: [true] }]],
      skipped: undefined,
    };
    const text = toYaml(value);
    expect(text).toBe(libraryYaml(value));
    expect(parse(text)).toEqual(plain(value));
  });
});
