import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertToolsInstalled, formatReport, validateProject } from '../src/index.js';

const template = fileURLToPath(new URL('../../../template/', import.meta.url));
// A repository of its own, as published: zizmor reads the template's own .github/zizmor.yml.
const published = mkdtempSync(join(tmpdir(), 'ml-cicd-template-'));

beforeAll(async () => {
  await assertToolsInstalled();
  cpSync(template, published, { recursive: true });
});
afterAll(() => rmSync(published, { recursive: true, force: true }));

describe('the "Use this template" repository', () => {
  it('has no finding from any validator, its first-push setup included', async () => {
    const report = await validateProject(published);
    expect(formatReport(report.findings)).toBe('');
    expect(formatReport(report.pedantic)).toBe('');
  });
});
