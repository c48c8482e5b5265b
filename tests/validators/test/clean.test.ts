import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertToolsInstalled, formatReport, validateProject, type Report } from '../src/index.js';
import { cleanProject, removeProjects, writeProject } from './fixtures.js';

describe('a clean, secure project', () => {
  let report: Report;

  beforeAll(async () => {
    await assertToolsInstalled();
    report = await validateProject(await writeProject(cleanProject));
  });
  afterAll(removeProjects);

  it('has no finding from any validator', () => {
    expect(report.findings, formatReport(report.findings)).toEqual([]);
  });

  it('has no finding at the pedantic persona either', () => {
    expect(report.pedantic, formatReport(report.pedantic)).toEqual([]);
  });
});
