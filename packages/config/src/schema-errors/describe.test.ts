import { describe, expect, it } from 'vitest';
import { breakExample, printed } from '../../test/example.js';

const runnerLine = 'runner: {kind: hosted, timeout-minutes: 60}\n';

/** [what breaks, text in the example, its replacement, every finding printed]. */
const cases: [string, string, string, string[]][] = [
  ['version', 'version: 1', 'version: 2', ['ml-cicd.yaml:1:10: version 2 must be 1.']],
  [
    'project name',
    'name: my-project',
    'name: My Project',
    [
      'ml-cicd.yaml:3:9: project.name "My Project" must be lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit (e.g. my-project).',
    ],
  ],
  [
    'project name length',
    'name: my-project',
    `name: ${'a'.repeat(65)}`,
    [`ml-cicd.yaml:3:9: project.name "${'a'.repeat(45)}…" must be at most 64 characters long.`],
  ],
  [
    'package',
    'package: my_project',
    'package: 1pkg',
    [
      'ml-cicd.yaml:4:12: project.package "1pkg" must be a Python package name of lowercase letters, digits and underscores, not starting with a digit (e.g. my_project).',
    ],
  ],
  [
    'missing key (points at the parent mapping)',
    '  package: my_project\n',
    '',
    ['ml-cicd.yaml:3:3: project is missing the required key package (Python package).'],
  ],
  [
    'missing top-level key',
    'runner: {kind: hosted, timeout-minutes: 60}\n',
    '',
    ['ml-cicd.yaml:1:1: the top level is missing the required key runner (Runner).'],
  ],
  [
    'unquoted python version',
    'python: "3.12"',
    'python: 3.10',
    [
      'ml-cicd.yaml:5:9: python 3.1 must be a quoted string: one of "3.10", "3.11", "3.12", "3.13".',
    ],
  ],
  [
    'python version',
    'python: "3.12"',
    'python: "3.9"',
    ['ml-cicd.yaml:5:9: python "3.9" must be one of 3.10, 3.11, 3.12, 3.13.'],
  ],
  [
    'misspelt top-level key (points at the key)',
    'version: 1\n',
    'version: 1\nparam: {}\n',
    ['ml-cicd.yaml:2:1: the top level has an unknown key "param"; did you mean params?'],
  ],
  [
    'unknown key',
    '  dir: outputs\n',
    '  dir: outputs\n  extra: 1\n',
    ['ml-cicd.yaml:18:3: outputs has an unknown key "extra"; valid keys are dir.'],
  ],
  [
    'param name',
    'n-estimators:',
    'n.estimators:',
    [
      'ml-cicd.yaml:7:3: the key "n.estimators" in params must be the flag as the script spells it: letters, digits, underscores and hyphens, starting with a letter or underscore, at most 99 characters (e.g. batch_size, max-depth, manualSeed).',
    ],
  ],
  [
    'param type',
    'seed: {type: integer,',
    'seed: {type: float,',
    [
      'ml-cicd.yaml:11:16: params.seed.type "float" must be one of integer, number, boolean, choice, string.',
    ],
  ],
  [
    'param without type',
    'seed: {type: integer,',
    'seed: {',
    [
      'ml-cicd.yaml:11:9: params.seed is missing the required key type (one of integer, number, boolean, choice, string).',
    ],
  ],
  [
    'param that is not a mapping',
    'seed: {type: integer, default: 42, min: 0, max: 4294967295, description: Seed for every random source.}',
    'seed: 42',
    ['ml-cicd.yaml:11:9: params.seed 42 must be a mapping.'],
  ],
  [
    'integer default',
    'default: 8,',
    'default: 8.5,',
    ['ml-cicd.yaml:8:39: params.max-depth.default 8.5 must be an integer.'],
  ],
  [
    'integer bound',
    'min: 1, max: 64',
    'min: 1.5, max: 64',
    ['ml-cicd.yaml:8:47: params.max-depth.min 1.5 must be an integer.'],
  ],
  [
    'choice default',
    'default: gini',
    'default: 3',
    ['ml-cicd.yaml:9:38: params.criterion.default 3 must be a string; quote it.'],
  ],
  [
    'bounds on a choice param',
    'criterion: {type: choice,',
    'criterion: {type: choice, min: 1,',
    [
      'ml-cicd.yaml:9:29: params.criterion has an unknown key "min" for a choice parameter; valid keys are type, default, choices, description.',
    ],
  ],
  [
    'empty choices',
    'choices: [gini, entropy, log_loss]',
    'choices: []',
    ['ml-cicd.yaml:9:53: params.criterion.choices must not be empty.'],
  ],
  [
    'repeated choice (points at the repeat)',
    'choices: [gini, entropy, log_loss]',
    'choices: [gini, entropy, gini]',
    ['ml-cicd.yaml:9:69: params.criterion.choices lists "gini" more than once.'],
  ],
  [
    'choice param without choices',
    'choices: [gini, entropy, log_loss], ',
    '',
    ['ml-cicd.yaml:9:14: params.criterion is missing the required key choices (Choices).'],
  ],
  [
    'boolean default ("yes" is a string in YAML 1.2)',
    'seed: {type: integer, default: 42, min: 0, max: 4294967295,',
    'seed: {type: boolean, default: yes,',
    ['ml-cicd.yaml:11:34: params.seed.default "yes" must be true or false.'],
  ],
  [
    'empty string pattern',
    'seed: {type: integer, default: 42, min: 0, max: 4294967295,',
    'seed: {type: string, default: x, pattern: "",',
    ['ml-cicd.yaml:11:45: params.seed.pattern must not be empty.'],
  ],
  [
    'empty description',
    'description: Number of trees in the forest.',
    'description: ""',
    ['ml-cicd.yaml:7:79: params.n-estimators.description must not be empty.'],
  ],
  [
    'description with an expression GitHub would evaluate',
    'description: Number of trees in the forest.',
    'description: "Trees ${{ github.token }}"',
    [
      'ml-cicd.yaml:7:79: params.n-estimators.description "Trees ${{ github.token }}" must be one line of text without ${{, which GitHub would evaluate as an expression.',
    ],
  ],
  [
    'choice with a line break',
    'choices: [gini, entropy, log_loss]',
    'choices: [gini, entropy, "log\\nloss"]',
    [
      'ml-cicd.yaml:9:69: params.criterion.choices[2] "log\\nloss" must be one line of text without ${{, which GitHub would evaluate as an expression.',
    ],
  ],
  [
    'gate without a bound',
    '{metric: accuracy, min: 0.9}',
    '{metric: accuracy}',
    ['ml-cicd.yaml:15:7: metrics.gates[0] must have at least one of the keys min, max.'],
  ],
  [
    'gates as a mapping',
    '  gates:\n    - {metric: accuracy, min: 0.9}\n',
    '  gates: {}\n',
    ['ml-cicd.yaml:14:10: metrics.gates must be a list, not a mapping.'],
  ],
  [
    'runner kind',
    'kind: hosted',
    'kind: cloud',
    ['ml-cicd.yaml:18:16: runner.kind "cloud" must be one of hosted, self-hosted, ec2, arc.'],
  ],
  ...(
    [
      [
        'data kind',
        '{kind: git, remote: {kind: s3, url: "s3://b/p"}}',
        '19:14: data.kind "git" must be one of dvc.',
      ],
      [
        'data without a remote',
        '{kind: dvc}',
        '19:7: data is missing the required key remote (DVC remote).',
      ],
      [
        'DVC remote URL of another kind',
        '{kind: dvc, remote: {kind: s3, url: "gs://b/p"}}',
        '19:43: data.remote.url "gs://b/p" must be an s3://<bucket>/<path> URL.',
      ],
      [
        'unknown key of the dvc kind',
        '{kind: dvc, remote: {kind: s3, url: "s3://b/p"}, stages: 1}',
        '19:56: data has an unknown key "stages" for a DVC setup; valid keys are kind, remote.',
      ],
    ] as const
  ).map(([what, data, finding]): [string, string, string, string[]] => [
    what,
    runnerLine,
    `${runnerLine}data: ${data}\n`,
    [`ml-cicd.yaml:${finding}`],
  ]),
  [
    'runner kind an earlier version wrote',
    'kind: hosted',
    'kind: cml-aws',
    [
      'ml-cicd.yaml:18:16: runner.kind "cml-aws" is no longer offered: run ml-cicd update, which moves the project to ec2.',
    ],
  ],
  [
    'misspelt timeout-minutes (one finding, not a missing key too)',
    'timeout-minutes: 60',
    'timeout: 60',
    [
      'ml-cicd.yaml:18:24: runner has an unknown key "timeout" for a GitHub-hosted runner; did you mean timeout-minutes?',
    ],
  ],
  [
    'timeout-minutes range of a hosted runner (6 hours)',
    'timeout-minutes: 60',
    'timeout-minutes: 361',
    ['ml-cicd.yaml:18:41: runner.timeout-minutes 361 must be between 1 and 360.'],
  ],
  [
    'timeout-minutes range of a self-hosted runner (5 days)',
    'runner: {kind: hosted, timeout-minutes: 60}',
    'runner: {kind: self-hosted, labels: [gpu], timeout-minutes: 7201}',
    ['ml-cicd.yaml:18:61: runner.timeout-minutes 7201 must be between 1 and 7200.'],
  ],
  [
    'labels on a hosted runner',
    'runner: {kind: hosted,',
    'runner: {kind: hosted, labels: [gpu],',
    [
      'ml-cicd.yaml:18:24: runner has an unknown key "labels" for a GitHub-hosted runner; did you mean label?',
    ],
  ],
  [
    'runner label',
    'runner: {kind: hosted,',
    'runner: {kind: self-hosted, labels: [gpu, "a b"],',
    [
      'ml-cicd.yaml:18:43: runner.labels[1] "a b" must be 1 to 100 letters, digits, dots, hyphens and underscores, starting with a letter or digit (e.g. gpu).',
    ],
  ],
  [
    'EC2 instance type',
    'runner: {kind: hosted,',
    'runner: {kind: ec2, region: us-east-1, instance-types: [g5.xlarge, big], spot: false, disk-gb: 50,',
    [
      'ml-cicd.yaml:18:68: runner.instance-types[1] "big" must be an EC2 instance type such as g4dn.xlarge or p3.2xlarge.',
    ],
  ],
  [
    'more EC2 instance types than start steps',
    'runner: {kind: hosted,',
    'runner: {kind: ec2, region: us-east-1, instance-types: [a.b, c.d, e.f, g.h, i.j, k.l], spot: false, disk-gb: 50,',
    ['ml-cicd.yaml:18:56: runner.instance-types has 6 items; at most 5 are allowed.'],
  ],
  [
    'scale set name',
    'runner: {kind: hosted,',
    'runner: {kind: arc, scale-set: GPU_pool, max-runners: 2,',
    [
      'ml-cicd.yaml:18:32: runner.scale-set "GPU_pool" must be 1 to 45 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. gpu-training).',
    ],
  ],
  [
    'environment name',
    'training:',
    'bad env:',
    [
      'ml-cicd.yaml:20:3: the key "bad env" in environments must be letters, digits, dots, hyphens and underscores (e.g. training).',
    ],
  ],
  [
    'secret reserved by GitHub',
    'secrets: []',
    'secrets: [GITHUB_TOKEN]',
    [
      'ml-cicd.yaml:20:81: environments.training.secrets[0] "GITHUB_TOKEN" must be upper-case letters, digits and underscores, not starting with a digit or GITHUB_ (e.g. MLFLOW_TRACKING_TOKEN).',
    ],
  ],
  [
    'variables as a string',
    'variables: []',
    'variables: X',
    ['ml-cicd.yaml:20:95: environments.training.variables "X" must be a list.'],
  ],
  [
    'rule setting',
    'outputs:\n',
    'rules: {param-default-in-range: on}\noutputs:\n',
    ['ml-cicd.yaml:16:33: rules.param-default-in-range "on" must be "off".'],
  ],
  [
    'empty value',
    '  dir: outputs',
    '  dir:',
    ['ml-cicd.yaml:17:3: outputs.dir is empty; it must be a string.'],
  ],
  [
    'train argument with an expression',
    'outputs:\n',
    'train: {args: [config/train_small.py, "--tag=${{ github.ref }}"]}\noutputs:\n',
    [
      'ml-cicd.yaml:16:39: train.args[1] "--tag=${{ github.ref }}" must be one line of text without ${{, which GitHub would evaluate as an expression.',
    ],
  ],
  [
    'train install-project not a boolean',
    'outputs:\n',
    'train: {requirements: ci/requirements.txt, install-project: "yes"}\noutputs:\n',
    ['ml-cicd.yaml:16:61: train.install-project "yes" must be true or false.'],
  ],
  [
    'report key misspelt',
    'outputs:\n',
    'report: {arguments: [--epochs=1]}\noutputs:\n',
    ['ml-cicd.yaml:16:10: report has an unknown key "arguments"; valid keys are args.'],
  ],
];

describe('schema findings: break one thing in the example', () => {
  it.each(cases)('%s', (_, from, to, expected) => {
    expect(printed(breakExample(from, to))).toEqual(expected);
  });

  it('reports at most 24 params: GitHub accepts 25 workflow_dispatch inputs, one is extra-args', () => {
    const extra = Array.from(
      { length: 20 },
      (_, i) => `  flag-${i}: {type: boolean, default: true, description: A flag.}\n`,
    );
    expect(printed(breakExample('metrics:\n', `${extra.join('')}metrics:\n`))).toEqual([
      'ml-cicd.yaml:7:3: params has 25 entries; at most 24 are allowed.',
    ]);
  });

  it('names every key missing from one mapping in one finding', () => {
    expect(printed('version: 1\npython: "3.12"\n')).toEqual([
      'ml-cicd.yaml:1:1: the top level is missing the required keys project, params, metrics, outputs, runner, environments.',
    ]);
  });

  it('reports every mistake, each once, in file order', () => {
    const text = breakExample('kind: hosted', 'kind: cloud').replace('version: 1', 'version: 3');
    expect(printed(text)).toEqual([
      'ml-cicd.yaml:1:10: version 3 must be 1.',
      'ml-cicd.yaml:18:16: runner.kind "cloud" must be one of hosted, self-hosted, ec2, arc.',
    ]);
  });
});
