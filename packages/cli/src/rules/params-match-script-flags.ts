import { UserError } from '@ml-cicd/core';
import {
  describeEntryPoint,
  findEntryPoint,
  readArgparse,
  type ArgparseReading,
  type EntryOverride,
} from '../argparse/index.js';
import { flagDrift } from '../validate/flag-drift.js';
import type { Project } from '../validate/project.js';
import { entryAt } from '../validate/yaml-nodes.js';
import { trainWorkflowPath } from './params-match-workflow-inputs.js';
import { problemAt, type Problem, type Rule } from './rule.js';

function how(reading: ArgparseReading): string {
  const python = `${reading.python.command} (Python ${reading.python.version})`;
  return reading.method === 'import'
    ? `read by importing it with ${python}`
    : `read statically with ${python}, because importing it failed: ${reading.importError}`;
}

/** A location the helper gave outside the project (a library that built the parser). */
const outside = /^(\.\.|\/|[A-Za-z]:)/;

interface Step {
  uses?: unknown;
  with?: { script?: unknown; module?: unknown };
}

/** The script or module the Train workflow's train action runs, when it is not train.py. */
function trainActionEntry(project: Project): EntryOverride {
  const workflow = project.workflows.find((file) => file.path === trainWorkflowPath);
  const jobs = (workflow?.doc.toJS() as { jobs?: Record<string, { steps?: Step[] }> } | undefined)
    ?.jobs;
  const steps = Object.values(jobs ?? {}).flatMap((job) => job?.steps ?? []);
  const train = steps.find((step) => step?.uses === './.github/actions/train')?.with;
  if (typeof train?.module === 'string' && train.module) return { module: train.module };
  if (typeof train?.script === 'string' && train.script) return { script: train.script };
  return {};
}

async function check(project: Project): Promise<Problem[]> {
  const { config, configFile } = project;
  if (!config || !configFile) return [];
  const { script: given, module } = project.options;
  const entry = findEntryPoint(
    project.dir,
    given || module ? project.options : trainActionEntry(project),
  );
  if (!entry) {
    project.note(
      "No train.py nor [project.scripts] entry in pyproject.toml: the params were not compared with a script's flags (pass --script or --module).",
    );
    return [];
  }
  const script = describeEntryPoint(entry);
  const outcome = await readArgparse(project.dir, entry, { python: project.options.python });
  if (outcome.status === 'no-python') {
    if (project.options.python) {
      throw new UserError(
        `--python ${project.options.python} could not be run; pass the path of a Python interpreter.`,
      );
    }
    project.note(
      `Python was not found (tried ${outcome.tried.join(', ')}): the params were not compared with the flags of ${script}.`,
    );
    return [];
  }
  if (outcome.status === 'failed') {
    project.note(
      `The flags of ${script} could not be read (${outcome.message}), so the params were not compared with them.`,
    );
    return [];
  }
  const { reading } = outcome;
  const unreadable = reading.unreadable[0];
  if (unreadable) {
    project.note(
      `The params were not compared with the flags of ${script}: importing it failed (${reading.importError}), and the add_argument call at ${unreadable.file}:${unreadable.line} cannot be read statically (${unreadable.reason}). Create .venv with the requirements, or pass --python.`,
    );
    return [];
  }
  project.note(`Compared the params with the flags of ${script}, ${how(reading)}.`);
  return flagDrift(script, config.params, reading.flags).map((drift) => {
    const { file, line, column } = drift.flag ?? {};
    if (file && line && !outside.test(file)) {
      return { file, line, column: column ?? 1, message: drift.message, severity: drift.severity };
    }
    const key = entryAt(configFile.doc.contents, ['params', drift.param ?? ''])?.keyNode;
    return problemAt(configFile, key, drift.message, drift.severity);
  });
}

/** params-match-script-flags: ml-cicd.yaml's params are the training script's argparse flags. */
export const paramsMatchScriptFlags: Rule = {
  id: 'params-match-script-flags',
  severity: 'error',
  security: [],
  doc: 'The `params` of `ml-cicd.yaml` are the argparse flags of the training entry point (`--script`/`--module`, else the script or module the train action of the Train workflow runs, else `train.py`, else the `[project.scripts]` entry of `pyproject.toml`): each param `max-depth` is a flag `--max-depth` of the matching type (integer → int, number → float, boolean → store_true/store_false, choice → choices, string → str), with the same default and choices. The flags are read by importing the script with `parse_args` intercepted, so nothing trains; when that fails, by reading its `add_argument` calls. Without Python the check is skipped with a note. A flag with no param is a warning (an error when required).',
  check,
};
