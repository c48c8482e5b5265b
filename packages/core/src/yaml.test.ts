import { describe, expect, it } from 'vitest';
import { uses } from './versions.js';
import { toYaml } from './yaml.js';

describe('toYaml', () => {
  it('writes a header, keeps `on` a plain key and comments each pinned action with its tag', () => {
    const text = toYaml(
      { on: { pull_request: null }, steps: [{ uses: uses('checkout') }, { uses: './local' }] },
      'Generated.\nSecond line.',
    );
    expect(text).toBe(
      [
        '# Generated.',
        '# Second line.',
        '',
        'on:',
        '  pull_request:',
        'steps:',
        '  - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
        '  - uses: ./local',
        '',
      ].join('\n'),
    );
  });
});
