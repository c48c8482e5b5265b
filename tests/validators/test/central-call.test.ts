import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertToolsInstalled, formatReport, validateProject } from '../src/index.js';

const root = new URL('../../../', import.meta.url);
const guide = fileURLToPath(new URL('docs/guide/central-workflows.md', root));
const central =
  /uses: acme\/ml-cicd\/(\.github\/workflows\/checks\.yml)@(<[^>]*>|[0-9a-f]{40}) # (\S+)/;
const project = mkdtempSync(join(tmpdir(), 'ml-cicd-central-call-'));

function documentedCaller(): string {
  const text = readFileSync(guide, 'utf8');
  const example = /<!-- central-call-example -->\s*```yaml\n([\s\S]*?)```/.exec(text)?.[1];
  if (!example) throw new Error(`No central-call-example in ${guide}.`);
  return example;
}

beforeAll(async () => {
  await assertToolsInstalled();
  mkdirSync(join(project, '.github/workflows'), { recursive: true });
  // Offline, the call is checked against this repository's central copy, read as a local file.
  const caller = documentedCaller().replace(central, 'uses: ./$1');
  writeFileSync(join(project, '.github/workflows/ci.yml'), caller);
  const checks = readFileSync(new URL('.github/workflows/checks.yml', root), 'utf8');
  writeFileSync(join(project, '.github/workflows/checks.yml'), checks);
  // A generated project has the same zizmor settings as this repository (self-repository off).
  const zizmor = readFileSync(new URL('.github/zizmor.yml', root), 'utf8');
  writeFileSync(join(project, '.github/zizmor.yml'), zizmor);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('a repository that calls the central checks workflow, as the guide shows', () => {
  it('pins the call to a full commit with its tag in a comment', () => {
    const [, , commit, tag] = central.exec(documentedCaller()) ?? [];
    expect(commit).toBe('<40-hex commit of the tag>');
    expect(tag).toMatch(/^v\d+\.\d+\.\d+$/);
  });

  it('passes the inputs the central workflow declares, with no finding from any validator', async () => {
    const report = await validateProject(project);
    expect(formatReport(report.findings)).toBe('');
    expect(formatReport(report.pedantic)).toBe('');
  });
});
