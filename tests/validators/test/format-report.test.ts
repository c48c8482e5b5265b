import { describe, expect, it } from 'vitest';
import { formatReport } from '../src/index.js';

describe('formatReport', () => {
  it('writes one line per finding, leaving out what a finding lacks', () => {
    const text = formatReport([
      {
        tool: 'zizmor',
        file: '.github/workflows/ci.yml',
        line: 3,
        column: 7,
        rule: 'unpinned-uses',
        message: 'unpinned action reference',
      },
      {
        tool: 'workflow-parser',
        file: '.github/workflows/ci.yml',
        line: 9,
        message: 'two\n  lines',
      },
      { tool: 'check-jsonschema', file: '.github/dependabot.yml', message: 'Failed to parse' },
    ]);
    expect(text.split('\n')).toEqual([
      'zizmor .github/workflows/ci.yml:3:7 [unpinned-uses] unpinned action reference',
      'workflow-parser .github/workflows/ci.yml:9 two lines',
      'check-jsonschema .github/dependabot.yml Failed to parse',
    ]);
  });
});
