import { describe, expect, it } from 'vitest';
import { code, formatChange, formatNumber, formatPercent } from './format.ts';

describe('formatting', () => {
  it.each([
    [42, '42'],
    [0.95, '0.95'],
    [0.123456, '0.1235'],
    [12.3456, '12.35'],
    [12345.678, '12345.7'],
    [0.00001234, '1.23e-5'],
    [0.94 - 0.95, '-0.01'],
  ])('shows %d as %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('signs changes and percentages', () => {
    expect([formatChange(0.5), formatChange(-0.5), formatChange(0)]).toEqual(['+0.5', '-0.5', '0']);
    expect([formatPercent(3.156), formatPercent(-1), formatPercent(Infinity)]).toEqual([
      '+3.16%',
      '-1.00%',
      '∞',
    ]);
  });

  it('makes code spans that survive backticks and table pipes', () => {
    expect(code('loss')).toBe('`loss`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('a|b\nc')).toBe('`a\\|b c`');
  });
});
