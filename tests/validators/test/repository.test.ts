import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertToolsInstalled, formatReport, validateProject } from '../src/index.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));

beforeAll(assertToolsInstalled);

describe("this repository's own workflows", () => {
  it('hold the same rules as the generated ones: zero findings, pedantic included', async () => {
    const report = await validateProject(repository);
    expect(formatReport(report.findings)).toBe('');
    expect(formatReport(report.pedantic)).toBe('');
  });
});
