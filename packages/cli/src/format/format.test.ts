import { describe, expect, it } from 'vitest';
import type { Report } from '../validate/validate-project.js';
import { render, type RenderContext } from './index.js';

const report: Report = {
  dir: '/repo/sub',
  findings: [
    {
      rule: 'job-timeout',
      severity: 'warning',
      file: '.github/workflows/train.yml',
      line: 12,
      column: 3,
      message:
        'job "train" has no timeout-minutes, so a stuck run holds its runner for 6 hours; set one (e.g. timeout-minutes: 30).',
    },
    {
      rule: 'workflow-permissions',
      severity: 'error',
      file: '.github/workflows/my ci.yml',
      line: 1,
      column: 1,
      message: 'line one,\nline two: 100%.',
    },
    {
      rule: 'managed-files',
      severity: 'info',
      file: 'README.md',
      line: 1,
      column: 1,
      message: 'README.md was edited.',
    },
  ],
  notes: ['Python was not found.'],
};

const context: RenderContext = { minSeverity: 'warning', color: false, cwd: '/repo' };

describe('text', () => {
  it('prints file:line:col, severity, rule and message, then notes and a summary', () => {
    expect(render('text', report, context)).toBe(
      [
        'sub/.github/workflows/train.yml:12:3: warning [job-timeout] job "train" has no timeout-minutes, so a stuck run holds its runner for 6 hours; set one (e.g. timeout-minutes: 30).',
        'sub/.github/workflows/my ci.yml:1:1: error [workflow-permissions] line one,\nline two: 100%.',
        'note: Python was not found.',
        '1 error, 1 warning. 1 below --min-severity not shown.',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked, and shows everything at --min-severity info', () => {
    const plain = render('text', report, { ...context, minSeverity: 'info' });
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toMatch(/info \[managed-files\]/);
    expect(plain.trimEnd().split('\n').at(-1)).toBe('1 error, 1 warning, 1 info.');
    expect(render('text', report, { ...context, color: true })).toContain(
      '\u001b[31merror\u001b[39m',
    );
  });

  it('says so when there is nothing to report', () => {
    expect(render('text', { ...report, findings: [], notes: [] }, context)).toBe('No findings.\n');
  });
});

describe('json', () => {
  it('is one JSON document with the findings shown, the counts and the notes', () => {
    const document = JSON.parse(render('json', report, context));
    expect(document).toMatchObject({
      tool: { name: 'ml-cicd' },
      minSeverity: 'warning',
      counts: { error: 1, warning: 1, info: 0 },
      hidden: 1,
      notes: ['Python was not found.'],
    });
    expect(document.findings.map((f: { file: string }) => f.file)).toEqual([
      'sub/.github/workflows/train.yml',
      'sub/.github/workflows/my ci.yml',
    ]);
  });
});

describe('github', () => {
  it('prints one workflow command per finding, escaped, and the rest as plain lines', () => {
    expect(render('github', report, context).split('\n')).toEqual([
      '::warning file=sub/.github/workflows/train.yml,line=12,col=3,title=job-timeout::job "train" has no timeout-minutes, so a stuck run holds its runner for 6 hours; set one (e.g. timeout-minutes: 30).',
      '::error file=sub/.github/workflows/my ci.yml,line=1,col=1,title=workflow-permissions::line one,%0Aline two: 100%25.',
      'note: Python was not found.',
      '1 error, 1 warning. 1 below --min-severity not shown.',
      '',
    ]);
  });

  it('turns info findings into notices', () => {
    expect(render('github', report, { ...context, minSeverity: 'info' })).toContain(
      '::notice file=sub/README.md,line=1,col=1,title=managed-files::README.md was edited.',
    );
  });
});

describe('sarif', () => {
  const sarif = JSON.parse(render('sarif', report, context));
  const [run] = sarif.runs;

  it('has the SARIF 2.1.0 shape: one run, the tool with its rules, the results', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'ml-cicd', informationUri: expect.any(String) });
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [{ level: 'note', message: { text: 'Python was not found.' } }],
      },
    ]);
  });

  it('describes every rule, with its default level and SECURITY.md tags', () => {
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'yaml',
        'schema',
        'param-default-in-range',
        'job-timeout',
        'workflow-permissions',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const permissions = run.tool.driver.rules.find(
      (rule: { id: string }) => rule.id === 'workflow-permissions',
    );
    expect(permissions).toMatchObject({
      shortDescription: {
        text: expect.stringMatching(/^Every workflow has a top-level permissions: that is/),
      },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'W01', 'W02'] },
    });
  });

  it('gives each result its rule, level, message and location', () => {
    expect(run.results[1]).toEqual({
      ruleId: 'workflow-permissions',
      ruleIndex: run.tool.driver.rules.findIndex(
        (rule: { id: string }) => rule.id === 'workflow-permissions',
      ),
      level: 'error',
      message: { text: 'line one,\nline two: 100%.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'sub/.github/workflows/my%20ci.yml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 1, startColumn: 1 },
          },
        },
      ],
    });
    expect(run.results.map((result: { level: string }) => result.level)).toEqual([
      'warning',
      'error',
    ]);
  });
});
