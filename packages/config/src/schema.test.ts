import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from './rules/index.js';
import { maxDispatchInputs, maxParams, schema, type JsonSchema } from './schema.js';
import { patternMeaning } from './schema/patterns.js';

/** Every subschema that describes a value a user writes, with its path in the schema. */
function documented(node: JsonSchema, at: string): [string, JsonSchema][] {
  const children: [string, JsonSchema][] = [
    ...Object.entries(node.properties ?? {}).map(([key, child]): [string, JsonSchema] => [
      `${at}/properties/${key}`,
      child,
    ]),
    ...Object.entries(node.$defs ?? {}).map(([key, child]): [string, JsonSchema] => [
      `${at}/$defs/${key}`,
      child,
    ]),
    ...(node.oneOf ?? []).map((child, i): [string, JsonSchema] => [`${at}/oneOf/${i}`, child]),
    ...(node.items ? [[`${at}/items`, node.items] as [string, JsonSchema]] : []),
    ...(typeof node.additionalProperties === 'object' && !node.additionalProperties.$ref
      ? [[`${at}/additionalProperties`, node.additionalProperties] as [string, JsonSchema]]
      : []),
  ];
  return children.flatMap(([path, child]) => [[path, child], ...documented(child, path)]);
}

describe('schema', () => {
  it('is a draft 2020-12 schema with an $id, a title and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema).toMatchObject({
      $id: expect.any(String),
      title: 'ml-cicd.yaml',
      description: expect.any(String),
    });
  });

  it('gives every value a title and a description, for the docs and editors', () => {
    const undocumented = documented(schema, '#')
      .filter(([, node]) => !node.title || !node.description)
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it("caps params at the workflow_dispatch inputs GitHub accepts, less train.yml's extra-args", () => {
    expect(schema.properties?.params?.maxProperties).toBe(maxParams);
    expect(maxParams).toBe(maxDispatchInputs - 1);
    expect(maxDispatchInputs).toBe(25);
  });

  it('says in words what each pattern means, which errors print instead of the pattern', () => {
    const unnamed = documented(schema, '#')
      .flatMap(([path, node]): [string, JsonSchema][] =>
        node.propertyNames
          ? [
              [path, node],
              [`${path}/propertyNames`, node.propertyNames],
            ]
          : [[path, node]],
      )
      .filter(([, node]) => node.pattern !== undefined && !patternMeaning(node.pattern))
      .map(([path]) => path);
    expect(unnamed).toEqual([]);
  });

  it('is closed: every mapping with fixed keys rejects unknown ones', () => {
    const open = documented(schema, '#')
      .filter(([, node]) => node.properties && node.additionalProperties !== false)
      .map(([path]) => path);
    expect(open).toEqual([]);
  });
});

describe('rules', () => {
  it('has one file per rule, named after its id, with a test file and a doc', () => {
    const files = readdirSync(new URL('./rules/', import.meta.url)).filter((f) =>
      /^[a-z].*-.*\.ts$/.test(f),
    );
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(files.sort()).toEqual(ids.flatMap((id) => [`${id}.test.ts`, `${id}.ts`]).sort());
    for (const rule of rules) expect(rule.doc.length, rule.id).toBeGreaterThan(40);
  });
});
