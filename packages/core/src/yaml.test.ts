import { describe, expect, it } from 'vitest';
import { uses } from './versions.js';
import { commented, toYaml } from './yaml.js';

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

describe('toYaml notes and commented values', () => {
  it('puts a note before a nested key and a comment after a value', () => {
    const text = toYaml(
      { jobs: { a: { permissions: { 'id-token': commented('write', 'OIDC') } } } },
      undefined,
      { 'jobs.a.permissions': 'Only this job.' },
    );
    expect(text).toBe(
      [
        'jobs:',
        '  a:',
        '    # Only this job.',
        '    permissions:',
        '      id-token: write # OIDC',
        '',
      ].join('\n'),
    );
  });

  it('refuses a note for a key that is not there', () => {
    expect(() => toYaml({ a: 1 }, undefined, { 'a.b': 'x' })).toThrow('No key a.b');
  });
});
