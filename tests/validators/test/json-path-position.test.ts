import { describe, expect, it } from 'vitest';
import { jsonPathPosition } from '../src/json-path-position.js';

const text = `jobs:
  build:
    timeout-minutes: soon
    steps:
      - name: a
      - name: b
`;

describe('jsonPathPosition', () => {
  it('follows plain keys, quoted keys and indexes', () => {
    expect(jsonPathPosition(text, "$.jobs.build['timeout-minutes']")).toEqual({
      line: 3,
      column: 22,
    });
    expect(jsonPathPosition(text, '$.jobs.build.steps[1]')).toEqual({ line: 6, column: 9 });
  });

  it('stops at the deepest node that exists', () => {
    expect(jsonPathPosition(text, '$.jobs.build.steps[5].name')).toEqual({ line: 5, column: 7 });
  });
});
