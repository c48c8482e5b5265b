import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import { findLevel, levelFlags, levels } from './levels.js';
import { options, resolveAnswers } from './options.js';

describe('maturity levels', () => {
  it('are 0, 1 and 2, and each sets the same options, so defaults never decide a level', () => {
    expect(levels.map((level) => level.id)).toEqual(['0', '1', '2']);
    const keys = Object.keys(levels[0]?.answers ?? {}).sort();
    expect(keys.length).toBeGreaterThan(0);
    for (const level of levels) expect(Object.keys(level.answers).sort()).toEqual(keys);
  });

  it.each(levels)('level $id sets only real options, to values they accept', (level) => {
    for (const key of Object.keys(level.answers)) {
      expect(options.map((option) => option.key)).toContain(key);
    }
    const answers = resolveAnswers(level.answers, 'my-project');
    for (const [key, value] of Object.entries(level.answers)) {
      const resolved = answers[key as keyof typeof answers];
      expect(Array.isArray(resolved) ? resolved.join(',') : String(resolved)).toBe(value);
    }
  });

  it('shows each preset as the flags that would give it', () => {
    for (const level of levels) {
      expect(levelFlags(level)).toHaveLength(Object.keys(level.answers).length);
      for (const flag of levelFlags(level)) expect(flag).toMatch(/^--[a-z-]+ \S+$/);
    }
  });

  it('refuses an unknown level, naming the flag and the valid values', () => {
    expect(() => findLevel('3')).toThrow(UsageError);
    expect(() => findLevel('3')).toThrow('--level must be one of 0, 1, 2 (got "3").');
    expect(findLevel('1').id).toBe('1');
  });
});
