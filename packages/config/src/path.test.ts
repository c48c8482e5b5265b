import { describe, expect, it } from 'vitest';
import { formatPath, pointerToPath, showName, showValue, subject } from './path.js';

describe('paths in messages', () => {
  it('names keys with dots, indices with brackets, and quotes keys that are not plain', () => {
    expect(formatPath(['params', 'max-depth', 'default'])).toBe('params.max-depth.default');
    expect(formatPath(['metrics', 'gates', 0, 'min'])).toBe('metrics.gates[0].min');
    expect(formatPath(['environments', 'prod.eu', 'secrets'])).toBe(
      'environments["prod.eu"].secrets',
    );
  });

  it('reads JSON pointers with escapes, and digits as indices only inside lists', () => {
    const data = { environments: { '1': { secrets: ['A'] } }, 'a/b~c': 1 };
    expect(pointerToPath('/environments/1/secrets/0', data)).toEqual([
      'environments',
      '1',
      'secrets',
      0,
    ]);
    expect(pointerToPath('/a~1b~0c', data)).toEqual(['a/b~c']);
    expect(pointerToPath('', data)).toEqual([]);
  });

  it('shows scalars as written, collections by kind, and long strings shortened', () => {
    expect([
      showValue('gini'),
      showValue(3.5),
      showValue(null),
      showValue([]),
      showValue({}),
    ]).toEqual(['"gini"', '3.5', 'null', 'a list', 'a mapping']);
    expect(showValue('x'.repeat(80))).toBe(`"${'x'.repeat(45)}…"`);
    expect([showName('log_loss'), showName('two words')]).toEqual(['log_loss', '"two words"']);
    expect([subject(['python'], '3.9'), subject(['runner'], {}), subject([], {})]).toEqual([
      'python "3.9"',
      'runner',
      'the top level',
    ]);
  });
});
