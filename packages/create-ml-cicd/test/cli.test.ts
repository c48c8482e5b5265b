import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';
import { useTempDirs } from './temp-dirs.js';

const tempDir = useTempDirs('create-ml-cicd test ');

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('create-ml-cicd', () => {
  it('prints help derived from the feature registry', () => {
    const { code, stdout } = runBin(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--runner <hosted|self-hosted|ec2|arc>');
    expect(stdout).toContain('--runner-timeout <1-7200>');
    expect(stdout).toContain('--ec2-region <region>');
    expect(stdout).toMatch(/--runner <hosted\|self-hosted\|ec2\|arc> where CI/);
    expect(stdout).toContain('--python <3.10|3.11|3.12|3.13>');
  });

  it('prints its version', () => {
    const { code, stdout } = runBin(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    [['--colour'], 'Unknown flag --colour. Run create-ml-cicd --help to see the flags.'],
    [
      ['demo', '--runner', 'gpu'],
      '--runner must be one of hosted, self-hosted, ec2, arc (got "gpu").',
    ],
    [
      ['demo', '--runner', 'cml-aws'],
      '--runner cml-aws is gone, because CML can no longer launch runners: use --runner ec2, an EC2 instance started for each run and terminated after it.',
    ],
    [
      ['demo', '--runner-timeout', '0'],
      '--runner-timeout must be a whole number of minutes from 1 to 7200 (got "0").',
    ],
    [
      ['demo', '--runner', 'arc', '--arc-scale-set', 'GPU pool'],
      '--arc-scale-set: "GPU pool" must be 1 to 45 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. gpu-training).',
    ],
    [
      ['demo', '--runner', 'ec2', '--ec2-instance-types', 'g5.xlarge,huge'],
      '--ec2-instance-types: "huge" must be an EC2 instance type such as g4dn.xlarge or p3.2xlarge.',
    ],
    [
      ['demo', '--runner', 'ec2', '--ec2-region', 'mars-1'],
      '--ec2-region: "mars-1" must be an AWS region name such as us-east-1 or eu-west-2.',
    ],
    [
      ['demo', '--runner', 'self-hosted', '--runner-labels', 'gpu,a b'],
      '--runner-labels: "a b" must be 1 to 100 letters, digits, dots, hyphens and underscores, starting with a letter or digit (e.g. gpu).',
    ],
    [['demo', '--ec2-spot', 'yes'], '--ec2-spot applies only with --runner ec2.'],
    [['demo', '--data', 'lfs'], '--data must be one of none, dvc (got "lfs").'],
    [
      ['demo', '--data', 'dvc', '--dvc-remote', 'ftp'],
      '--dvc-remote must be one of s3, gs, azure, ssh, local, dagshub, http (got "ftp").',
    ],
    [
      ['demo', '--data', 'dvc', '--dvc-remote-url', 'gs://bucket/data'],
      '--dvc-remote-url: "gs://bucket/data" must be an s3://<bucket>/<path> URL for --dvc-remote s3.',
    ],
    [
      [
        'demo',
        '--data',
        'dvc',
        '--dvc-remote',
        'dagshub',
        '--dvc-remote-url',
        'https://dagshub.com/me/repo',
      ],
      '--dvc-remote-url: "https://dagshub.com/me/repo" must be a https://dagshub.com/<owner>/<repo>.dvc URL for --dvc-remote dagshub.',
    ],
    [
      ['demo', '--data', 'dvc', '--dvc-remote', 'local', '--dvc-remote-url', 's3://bucket'],
      '--dvc-remote-url: "s3://bucket" must be a folder path (no URL scheme) for --dvc-remote local.',
    ],
    [['demo', '--dvc-remote', 's3'], '--dvc-remote applies only with --data dvc.'],
    [['demo', '--git', '--no-git'], '--git and --no-git cannot be used together.'],
    [
      ['demo', '--report', 'yes', '--no-report'],
      '--report and --no-report cannot be used together.',
    ],
    [['demo', '--report', 'maybe'], '--report must be one of yes, no (got "maybe").'],
    [
      ['demo', '--task', 'clustering'],
      '--task must be one of binary, multiclass, regression (got "clustering").',
    ],
    [
      ['demo', '--interactive'],
      '--interactive needs a terminal; pass the answers as flags instead.',
    ],
    [['a', 'b'], 'Expected one target folder, got 2: a b.'],
    [
      ['demo', '--name', 'Bad Name'],
      /^"Bad Name" is not a valid project name: use 2 to 64 lowercase/,
    ],
  ])('refuses %j with exit code 2 and one line', (args, message) => {
    const cwd = tempDir();
    const { code, stderr } = runBin(args, { cwd });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
    expect(tree(cwd)).toEqual([]);
  });

  it('refuses a folder that has files, writes nothing, and names the remedy', () => {
    const cwd = tempDir();
    const target = join(cwd, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'README.md'), 'mine\n');
    const { code, stderr } = runBin(['taken', '--yes'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('is not empty (README.md): nothing was written.');
    expect(stderr).toContain('--force');
    noStack(stderr);
    expect(tree(cwd)).toEqual(['taken', join('taken', 'README.md')]);
    expect(readFileSync(join(target, 'README.md'), 'utf8')).toBe('mine\n');
  });

  it('writes into a folder holding only .git', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'repo', '.git'), { recursive: true });
    const { code } = runBin(['repo', '--yes', '--no-git'], { cwd });
    expect(code).toBe(0);
    expect(statSync(join(cwd, 'repo', 'train.py')).isFile()).toBe(true);
  });

  it('scaffolds with --yes, then prints next steps', () => {
    const cwd = tempDir();
    const { code, stdout } = runBin(['my-project', '--yes', '--no-git'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Wrote \d+ files to .*my-project \(base, runner-hosted, release, retrain, report\)\./,
    );
    expect(stdout).toContain('cd my-project');
    expect(stdout).toContain('pip install --require-hashes -r requirements-dev.txt');
    const manifest = JSON.parse(
      readFileSync(join(cwd, 'my-project/.ml-cicd/manifest.json'), 'utf8'),
    );
    expect(manifest.answers).toEqual({
      name: 'my-project',
      python: '3.12',
      runner: 'hosted',
      runnerTimeout: 60,
      hostedLabel: 'ubuntu-24.04',
      tracker: 'none',
      data: 'none',
      updateCheck: 'off',
      task: 'binary',
      secretsScope: 'environment',
      release: 'on',
      retrain: 'monthly',
      report: 'yes',
    });
  });

  it('--task regression records the task, its params and gates in ml-cicd.yaml', () => {
    const cwd = tempDir();
    const { code, stderr } = runBin(['reg', '--yes', '--no-git', '--task', 'regression'], {
      cwd,
    });
    expect(code, stderr).toBe(0);
    const config = readFileSync(join(cwd, 'reg/ml-cicd.yaml'), 'utf8');
    expect(config).toMatch(/^python: "3\.12"\ntask: regression\nparams:\n/m);
    expect(config).toContain('    default: squared_error\n');
    expect(config).toContain('  gates:\n    - metric: r2\n      min: 0.2\n');
    const manifest = JSON.parse(readFileSync(join(cwd, 'reg/.ml-cicd/manifest.json'), 'utf8'));
    expect(manifest.answers.task).toBe('regression');
  });

  it('leaves the pull request report out with --no-report, as with --report no', () => {
    const cwd = tempDir();
    for (const [name, flag] of [
      ['negated', ['--no-report']],
      ['answered', ['--report', 'no']],
    ] as const) {
      expect(runBin([name, '--yes', '--no-git', ...flag], { cwd }).code).toBe(0);
      expect(existsSync(join(cwd, name, '.github/workflows/report.yml'))).toBe(false);
      expect(existsSync(join(cwd, name, '.github/actions/report'))).toBe(false);
    }
    expect(runBin(['with', '--yes', '--no-git'], { cwd }).code).toBe(0);
    expect(existsSync(join(cwd, 'with/.github/actions/report/dist/index.js'))).toBe(true);
  });

  it('lists only the features that are on, in its message and in the manifest', () => {
    const cwd = tempDir();
    const off = ['--release', 'off', '--retrain', 'off', '--report', 'no'];
    const { code, stdout } = runBin(['bare', '--yes', '--no-git', ...off], { cwd });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Wrote \d+ files to .*bare \(base, runner-hosted\)\./);
    const manifest = JSON.parse(readFileSync(join(cwd, 'bare/.ml-cicd/manifest.json'), 'utf8'));
    expect(manifest.features).toEqual(['base', 'runner-hosted']);
  });

  it('asks for ml-cicd secrets only when there is something to set on GitHub', () => {
    const cwd = tempDir();
    const apply = (args: string[]) => {
      const { code, stdout } = runBin([...args, '--yes', '--no-git', '--secrets-scope', 'repo'], {
        cwd,
      });
      expect(code).toBe(0);
      return stdout.includes('secrets --apply');
    };
    expect(apply(['plain', '--release', 'off', '--retrain', 'off'])).toBe(false);
    // The DVC remote's role is a repository variable with secrets-scope: repo.
    expect(apply(['remote', '--data', 'dvc', '--dvc-remote', 's3'])).toBe(true);
    expect(apply(['tracked', '--tracker', 'wandb'])).toBe(true);
  });

  it('shows the plan in a dry run and writes nothing', () => {
    const cwd = tempDir();
    const { code, stdout } = runBin(['my-project', '--dry-run'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('Dry run: nothing was written');
    expect(stdout).toMatch(/create\s+train\.py/);
    expect(stdout).toContain('+++ b/ml-cicd.yaml');
    // The vendored bundles are one line each, not their minified code.
    expect(stdout).toMatch(
      /^Files \/dev\/null and b\/\.github\/actions\/ml-cicd\/index\.mjs differ: a built file \(\d+ bytes, lines up to \d+ characters\), not shown$/m,
    );
    expect(stdout.split('\n').every((line) => line.length <= 1000)).toBe(true);
    expect(tree(cwd)).toEqual([]);
  });

  it('reports the plan and result as JSON', () => {
    const cwd = tempDir();
    const { code, stdout } = runBin(['p1', '--json', '--no-git'], { cwd });
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.features).toEqual([
      'base',
      'runner-hosted',
      'model-modules',
      'release',
      'retrain',
      'report',
    ]);
    expect(result.files).toContainEqual({ path: 'train.py', action: 'create' });
    expect(result.nextSteps[0]).toBe('cd p1');
  });

  it('reports errors as JSON too', () => {
    const { code, stdout } = runBin(['demo', '--json', '--python', '2.7'], { cwd: tempDir() });
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error.exitCode).toBe(2);
  });

  it('creates a git repository with a first commit', () => {
    const cwd = tempDir();
    const identity = {
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    };
    const { code, stdout } = runBin(['repo', '--yes'], { cwd, env: identity });
    expect(code).toBe(0);
    expect(stdout).toContain('Created a git repository with a first commit.');
    expect(readFileSync(join(cwd, 'repo/.git/HEAD'), 'utf8')).toContain('refs/heads/main');
  });

  it('follows the package manager that ran it in the next steps', () => {
    const { stdout } = runBin(['p2', '--yes', '--no-git'], {
      cwd: tempDir(),
      env: { npm_config_user_agent: 'pnpm/10.34.8 npm/? node/v20.20.2 linux x64' },
    });
    expect(stdout).toContain('pnpm create ml-cicd other-project');
  });
});
