/** The config the generator writes for a default project, and a way to break one thing in it. */
import { formatFinding } from '../src/finding.js';
import type { ConfigSubject } from '../src/rules/subject.js';
import { loadConfig } from '../src/validate.js';
export const exampleYaml = `version: 1
project:
  name: my-project
  package: my_project
python: "3.12"
params:
  n-estimators: {type: integer, default: 100, min: 1, max: 1000, description: Number of trees in the forest.}
  max-depth: {type: integer, default: 8, min: 1, max: 64, description: Maximum depth of each tree.}
  criterion: {type: choice, default: gini, choices: [gini, entropy, log_loss], description: Function that measures the quality of a split.}
  test-size: {type: number, default: 0.25, min: 0.05, max: 0.5, description: Fraction of the data held out for evaluation.}
  seed: {type: integer, default: 42, min: 0, max: 4294967295, description: Seed for every random source.}
metrics:
  file: outputs/metrics.json
  gates:
    - {metric: accuracy, min: 0.9}
outputs:
  dir: outputs
runner: {kind: hosted, timeout-minutes: 60}
environments:
  training: {description: Secrets and variables of the training job., secrets: [], variables: []}
`;

/** The example with `from` (which must occur exactly once) replaced by `to`. */
export function breakExample(from: string, to: string): string {
  const at = exampleYaml.indexOf(from);
  if (at < 0 || exampleYaml.indexOf(from, at + 1) >= 0) {
    throw new Error(`${JSON.stringify(from)} must occur exactly once in the example.`);
  }
  return exampleYaml.slice(0, at) + to + exampleYaml.slice(at + from.length);
}

/** Every finding of `text`, as `ml-cicd validate` prints it. */
export function printed(text: string): string[] {
  return loadConfig(text).findings.map(formatFinding);
}

/** What the rules of ml-cicd.yaml read, for a text whose config matches the schema. */
export function subjectOf(text: string): ConfigSubject {
  const { config, file } = loadConfig(text);
  return { config: config!, file };
}
