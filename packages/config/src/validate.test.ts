import { describe, expect, it } from 'vitest';
import { breakExample, exampleYaml, printed } from '../test/example.js';
import { formatFinding } from './finding.js';
import { loadConfig } from './validate.js';

describe('loadConfig', () => {
  it('accepts the config the generator writes', () => {
    const { config, findings } = loadConfig(exampleYaml);
    expect(findings).toEqual([]);
    expect(config?.project).toEqual({ name: 'my-project', package: 'my_project' });
    expect(config?.params.criterion).toEqual({
      type: 'choice',
      default: 'gini',
      choices: ['gini', 'entropy', 'log_loss'],
      description: 'Function that measures the quality of a split.',
    });
    expect(config?.runner).toEqual({ kind: 'hosted', 'timeout-minutes': 60 });
  });

  it('accepts a self-hosted runner with labels and environments with secrets', () => {
    const text = breakExample(
      'runner: {kind: hosted,',
      'runner: {kind: self-hosted, labels: [gpu, linux.x64],',
    ).replace('secrets: []', 'secrets: [MLFLOW_TRACKING_TOKEN]');
    expect(loadConfig(text).findings).toEqual([]);
  });

  it("refuses an environment's description of more than one line, naming what it must be", () => {
    const text = breakExample(
      'description: Secrets and variables of the training job.,',
      'description: "one\\ntwo",',
    );
    expect(loadConfig(text).findings.map(formatFinding)).toEqual([
      'ml-cicd.yaml:20:27: environments.training.description "one\\ntwo" must be one line of text without ${{, which GitHub would evaluate as an expression.',
    ]);
  });

  it.each(['binary', 'multiclass', 'regression'])('accepts task: %s', (task) => {
    const { config, findings } = loadConfig(
      breakExample('python: "3.12"\n', `python: "3.12"\ntask: ${task}\n`),
    );
    expect(findings).toEqual([]);
    expect(config?.task).toBe(task);
  });

  it('reads a config without task, as made before tasks, with no task (binary)', () => {
    const { config } = loadConfig(exampleYaml);
    expect(config?.task).toBeUndefined();
  });

  it('refuses a task it does not know, naming the choices', () => {
    const text = breakExample('python: "3.12"\n', 'python: "3.12"\ntask: clustering\n');
    expect(loadConfig(text).findings.map(formatFinding)).toEqual([
      'ml-cicd.yaml:6:7: task "clustering" must be one of binary, multiclass, regression.',
    ]);
  });

  it('accepts a dataset: a CSV or Parquet file in the repository, and its target column', () => {
    const text = breakExample(
      'python: "3.12"\n',
      'python: "3.12"\ndataset: {path: data/train.csv, target: label}\n',
    );
    const { config, findings } = loadConfig(text);
    expect(findings).toEqual([]);
    expect(config?.dataset).toEqual({ path: 'data/train.csv', target: 'label' });
  });

  it.each([
    '/data/train.csv',
    '../train.csv',
    'data/../../train.csv',
    'C:/train.csv',
    'train.xlsx',
  ])('refuses the dataset path %s, saying what it must be', (path) => {
    const text = breakExample('python: "3.12"\n', `python: "3.12"\ndataset: {path: "${path}"}\n`);
    expect(loadConfig(text).findings.map(formatFinding)).toEqual([
      expect.stringContaining(
        'must be a path relative to the repository root, inside it, ending in .csv, .parquet or .pq',
      ),
    ]);
  });

  it("refuses a string param's default that GitHub would evaluate, since train.yml copies it", () => {
    const text = breakExample('python: "3.12"\n', 'python: "3.12"\n').replace(
      'params:\n',
      'params:\n  run-name: {type: string, default: "${{ github.token }}", description: Name.}\n',
    );
    expect(loadConfig(text).findings.map(formatFinding)).toEqual([
      expect.stringMatching(
        /params\.run-name\.default "\$\{\{ github\.token \}\}" must be one line of text without \$\{\{/,
      ),
    ]);
  });

  it('accepts train and report: the requirements file, the project install and fixed arguments', () => {
    const text = breakExample(
      'outputs:\n',
      [
        'train:',
        '  requirements: ci/requirements.txt',
        '  install-project: true',
        '  args: [config/train_small.py, trainer.max_epochs=1, "lr=[0.1,0.2]"]',
        'report:',
        '  args: [--epochs=1]',
        'outputs:',
        '',
      ].join('\n'),
    );
    const { config, findings } = loadConfig(text);
    expect(findings).toEqual([]);
    expect(config?.train).toEqual({
      requirements: 'ci/requirements.txt',
      'install-project': true,
      args: ['config/train_small.py', 'trainer.max_epochs=1', 'lr=[0.1,0.2]'],
    });
    expect(config?.report).toEqual({ args: ['--epochs=1'] });
  });

  it('returns findings as data with the rule, severity and a 1-based position', () => {
    const { config, findings } = loadConfig(
      breakExample('version: 1', 'version: 2'),
      'repo/ml-cicd.yaml',
    );
    expect(config).toBeUndefined();
    expect(findings).toEqual([
      {
        rule: 'schema',
        severity: 'error',
        message: 'version 2 must be 1.',
        file: 'repo/ml-cicd.yaml',
        line: 1,
        column: 10,
      },
    ]);
    expect(findings.map(formatFinding)).toEqual(['repo/ml-cicd.yaml:1:10: version 2 must be 1.']);
  });

  it('runs the named rules only on a config whose shape is valid', () => {
    const text = breakExample('default: gini', 'default: foo').replace('version: 1', 'version: 2');
    expect(printed(text)).toEqual(['ml-cicd.yaml:1:10: version 2 must be 1.']);
  });

  it('skips a named rule turned off in rules', () => {
    const broken = breakExample('default: gini', 'default: foo');
    expect(loadConfig(broken).config).toBeUndefined();
    const { config, findings } = loadConfig(`${broken}rules: {param-default-in-choices: off}\n`);
    expect(findings).toEqual([]);
    expect(config?.rules).toEqual({ 'param-default-in-choices': 'off' });
  });
});

describe('loadConfig on text that is not a YAML mapping', () => {
  const required = 'version, project, python, params, metrics, outputs, runner, environments';
  const cases: [string, string, string[]][] = [
    [
      'an empty file',
      '',
      [`ml-cicd.yaml:1:1: ml-cicd.yaml is empty; it must be a mapping with the keys ${required}.`],
    ],
    [
      'only comments',
      '# nothing yet\n',
      [`ml-cicd.yaml:1:1: ml-cicd.yaml is empty; it must be a mapping with the keys ${required}.`],
    ],
    [
      'a list',
      '- version: 1\n',
      [`ml-cicd.yaml:1:1: the top level must be a mapping with the keys ${required}, not a list.`],
    ],
    [
      'a scalar',
      '\n\nhello\n',
      [
        `ml-cicd.yaml:3:1: the top level must be a mapping with the keys ${required}, not a single value.`,
      ],
    ],
    [
      'a duplicate key',
      'version: 1\nproject:\n  name: a1\n  name: b1\n',
      ['ml-cicd.yaml:4:3: the key "name" appears twice in the same mapping; keep one.'],
    ],
    [
      'a tab indent',
      'project:\n\tname: a1\n',
      ['ml-cicd.yaml:2:1: YAML does not allow tabs for indentation; indent with spaces.'],
    ],
    [
      'two documents',
      'version: 1\n---\nversion: 1\n',
      ['ml-cicd.yaml:2:1: ml-cicd.yaml must hold one YAML document, but a second one starts here.'],
    ],
    [
      'an unclosed quote',
      'python: "3.12\n',
      ['ml-cicd.yaml:2:1: invalid YAML: missing closing "quote.'],
    ],
    [
      'a list and a mapping as keys',
      'version: 1\n? [a, b]\n: 1\nproject:\n  ? &m {x: 1}\n  : 2\n  *m : 3\n',
      [
        'ml-cicd.yaml:2:3: a key must be a single value, not a list or a mapping.',
        'ml-cicd.yaml:5:8: a key must be a single value, not a list or a mapping.',
        'ml-cicd.yaml:7:3: a key must be a single value, not a list or a mapping.',
      ],
    ],
    [
      'an alias without an anchor',
      'project: *names\n',
      ['ml-cicd.yaml:1:10: the alias *names refers to no anchor &names defined before it.'],
    ],
  ];

  it.each(cases)('%s is a finding, not an exception', (_, text, expected) => {
    const { config, findings } = loadConfig(text);
    expect(config).toBeUndefined();
    expect(findings.map(formatFinding)).toEqual(expected);
    expect(findings.every((f) => f.rule === 'yaml' && f.severity === 'error')).toBe(true);
  });

  it('stops an alias bomb with a finding', () => {
    const levels = Array.from({ length: 10 }, (_, i) =>
      i === 0
        ? 'l0: &l0 [x, x, x, x, x, x, x, x, x, x]'
        : `l${i}: &l${i} [${Array(10)
            .fill(`*l${i - 1}`)
            .join(', ')}]`,
    );
    const { config, findings } = loadConfig(`${levels.join('\n')}\n`);
    expect(config).toBeUndefined();
    expect(findings.map(formatFinding)).toEqual([
      'ml-cicd.yaml:1:1: ml-cicd.yaml could not be read: excessive alias count indicates a resource exhaustion attack.',
    ]);
  });

  it('reads on, yes and no as strings (YAML 1.2)', () => {
    const text = breakExample('  dir: outputs', '  dir: yes');
    expect(loadConfig(text).config?.outputs.dir).toBe('yes');
  });

  it('keeps the config and warns about an unknown tag', () => {
    const { config, findings } = loadConfig(
      breakExample('  dir: outputs', '  dir: !local outputs'),
    );
    expect(config?.outputs.dir).toBe('outputs');
    expect(findings.map((f) => [f.severity, formatFinding(f)])).toEqual([
      ['warning', 'ml-cicd.yaml:17:8: YAML warning: unresolved tag: !local.'],
    ]);
  });

  it('follows an alias to the node it stands for', () => {
    const text = breakExample(
      'variables: []}',
      'variables: &names [lower]}\n  evaluation: {secrets: [], variables: *names}',
    );
    const meaning =
      'must be upper-case letters, digits and underscores, not starting with a digit or GITHUB_ (e.g. MLFLOW_TRACKING_TOKEN).';
    expect(printed(text)).toEqual([
      `ml-cicd.yaml:20:103: environments.training.variables[0] "lower" ${meaning}`,
      `ml-cicd.yaml:20:103: environments.evaluation.variables[0] "lower" ${meaning}`,
    ]);
  });
});
