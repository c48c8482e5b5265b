import { dirname, basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/commands/index.js';
import { rules } from '../src/rules/index.js';
import { edit, project, tempDir } from './fixtures.js';
import { runBin } from './run-bin.js';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);
const commandNames = commands.map((command) => command.name).join(', ');

async function withWarning(): Promise<string> {
  const dir = await project();
  edit(dir, '.github/workflows/train.yml', '    timeout-minutes: 60\n', '');
  return dir;
}

describe('ml-cicd', () => {
  it('prints help listing the commands, also with no arguments', () => {
    for (const args of [['--help'], ['-h'], []]) {
      const { code, stdout } = runBin(args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: ml-cicd <command> \[flags\]/);
      expect(stdout).toMatch(/\n {2}validate \[dir\] +check /);
      expect(stdout).toMatch(/\n {2}add workflow <kind> \[dir\] +add a workflow /);
      expect(stdout).toMatch(/\n {2}sync \[dir\] +bring the workflows' inputs, /);
    }
  });

  it('prints its version', () => {
    const { code, stdout } = runBin(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("prints validate's help with every rule", () => {
    const { code, stdout } = runBin(['validate', '--help']);
    expect(code).toBe(0);
    for (const rule of rules)
      expect(stdout).toMatch(new RegExp(`\\n  ${rule.id} +${rule.severity}`));
  });

  it("prints add's help with every kind its features declare, in lines of at most 100 columns", () => {
    const { code, stdout } = runBin(['add', '--help']);
    expect(code).toBe(0);
    const kinds = stdout.slice(stdout.indexOf('Kinds:\n'), stdout.indexOf('\nEach writes'));
    expect(kinds).toMatch(/\n {2}train {4}\.github\/workflows\/train\.yml and the local action /);
    expect(kinds).toMatch(/\n {2}dvc {6}dvc\.yaml \(one train stage /);
    expect(kinds).toContain(
      '\n  hosted, self-hosted, ec2, arc\n           train.yml for that runner,',
    );
    expect(stdout.split('\n').filter((line) => line.length > 100)).toEqual([]);
  });

  it.each([
    [
      ['deploy'],
      `Unknown command "deploy". The commands are: ${commandNames}. Run ml-cicd --help.`,
    ],
    [['--colour'], `Unknown flag --colour. The commands are: ${commandNames}. Run ml-cicd --help.`],
    [
      ['validate', '--colour'],
      'Unknown flag --colour. Run ml-cicd validate --help to see the flags.',
    ],
    [
      ['validate', '--format', 'xml'],
      '--format must be one of text, json, github, sarif (got "xml").',
    ],
    [
      ['validate', '--min-severity', 'fatal'],
      '--min-severity must be one of error, warning, info (got "fatal").',
    ],
    [['validate', '--format'], '--format needs a value.'],
    [['validate', 'a', 'b'], 'Expected one folder, got 2: a b.'],
    [
      ['validate', '--script', 'a.py', '--module', 'a'],
      '--script and --module cannot be used together.',
    ],
  ])('refuses %j with exit code 2 and one line', (args, message) => {
    const { code, stdout, stderr } = runBin(args, { cwd: tempDir() });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });

  it('exits 1 with one sentence for a folder that does not exist', () => {
    const { code, stderr } = runBin(['validate', 'nowhere'], { cwd: tempDir() });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'nowhere is not a folder; pass the folder of the repository to validate.\n',
    );
  });
});

describe('ml-cicd validate', () => {
  it('exits 0 on a fresh project, printing no colour without a terminal', async () => {
    const dir = await project();
    const { code, stdout, stderr } = runBin(['validate'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/No findings\.\n$/);
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 1 on a finding at or above --min-severity, 0 below it', async () => {
    const dir = await withWarning();
    const warned = runBin(['validate', basename(dir)], { cwd: dirname(dir) });
    expect(warned.code).toBe(1);
    expect(warned.stdout).toMatch(
      new RegExp(
        `^${basename(dir)}/\\.github/workflows/train\\.yml:\\d+:3: warning \\[job-timeout\\] `,
      ),
    );
    noStack(warned.stderr);
    const errorsOnly = runBin(['validate', dir, '--min-severity', 'error']);
    expect(errorsOnly.code).toBe(0);
    expect(errorsOnly.stdout).toMatch(/No findings\. 2 below --min-severity not shown\.\n$/);
  });

  it('prints JSON, SARIF and GitHub annotations', async () => {
    const dir = await withWarning();
    const json = runBin(['validate', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual([
      'job-timeout',
    ]);
    const sarif = runBin(['validate', '--format', 'sarif'], { cwd: dir });
    expect(sarif.code).toBe(1);
    expect(
      JSON.parse(sarif.stdout).runs[0].results.map((r: { ruleId: string }) => r.ruleId),
    ).toEqual(['job-timeout']);
    const github = runBin(['validate', '--format', 'github'], { cwd: dir });
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(
      /^::warning file=\.github\/workflows\/train\.yml,line=\d+,col=3,title=job-timeout::job "train" has no timeout-minutes/,
    );
  });

  it('reports a missing interpreter given with --python in one sentence', async () => {
    const dir = await project();
    const { code, stdout, stderr } = runBin(['validate', '--python', 'no-such-python'], {
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      '--python no-such-python could not be run; pass the path of a Python interpreter.\n',
    );
  });
});
