import { manifestPath, UserError } from '@ml-cicd/core';
import {
  describeEntryPoint,
  findEntryPoint,
  isHydraApp,
  readArgparse,
  type ArgparseReading,
  type EntryOverride,
} from '../argparse/index.js';
import { flagDrift } from '../validate/flag-drift.js';
import type { Project } from '../validate/project.js';
import { entryAt } from '../validate/yaml-nodes.js';
import { trainWorkflowPath } from './params-match-workflow-inputs.js';
import { problemAt, type Problem, type Rule } from './rule.js';
import { syncCommand } from './sync-hint.js';

function how(reading: ArgparseReading): string {
  const python = `${reading.python.command} (Python ${reading.python.version})`;
  if (reading.hydraConfig) return `read statically with ${python}, without running it`;
  if (reading.method === 'import') return `read by importing it (--import) with ${python}`;
  return reading.importError
    ? `read statically with ${python}, because importing it failed: ${reading.importError}`
    : `read statically from its source with ${python}, without running it`;
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

/** Whether npm create ml-cicd made the project (its manifest records no `add`). */
function createdProject(project: Project): boolean {
  const text = project.read(manifestPath);
  if (text === undefined) return false;
  try {
    const manifest = JSON.parse(text) as { added?: unknown } | null;
    return typeof manifest === 'object' && manifest !== null && manifest.added === undefined;
  } catch {
    return false;
  }
}

/**
 * Whether the params are passed the way the script reads them: overrides (`name=value`) for a
 * Hydra app, flags (`--name=value`) for argparse.
 */
function styleProblem(
  project: Project,
  script: string,
  reading: ArgparseReading,
): Problem | undefined {
  const { config, configFile } = project;
  if (!config || !configFile || Object.keys(config.params).length === 0) return undefined;
  const overrides = config.train?.['params-as'] === 'overrides';
  const node = entryAt(configFile.doc.contents, ['train', 'params-as'])?.keyNode;
  const hydra = isHydraApp(reading);
  if (hydra && !overrides) {
    return problemAt(
      configFile,
      node ?? entryAt(configFile.doc.contents, ['params'])?.keyNode,
      `${script} is a Hydra app whose settings are the keys of ${reading.hydraConfig ?? 'its config'}, but ml-cicd.yaml passes its params as flags (--name=value), which Hydra refuses; set train.params-as: overrides (name=value), then run ${syncCommand}.`,
    );
  }
  if (overrides && !hydra && reading.flags.length > 0) {
    return problemAt(
      configFile,
      node,
      `train.params-as is overrides (name=value), but ${script} reads argparse flags, which need --name=value; remove train.params-as, then run ${syncCommand}.`,
    );
  }
  return undefined;
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
  const { python, import: importing } = project.options;
  const outcome = await readArgparse(project.dir, entry, { python, import: importing ?? false });
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
  const style = styleProblem(project, script, reading);
  if (style) return [style];
  const unreadable = reading.unreadable[0];
  if (unreadable && createdProject(project)) {
    project.note(
      `The params were not compared with the flags of ${script}: the generated project builds them from the params of ml-cicd.yaml when it runs (the ${unreadable.call} call at ${unreadable.file}:${unreadable.line}), so a param needs no code; pass --import with --python naming an interpreter that has its requirements to compare them anyway.`,
    );
    return [];
  }
  if (unreadable?.call === 'hydra.main') {
    project.note(
      `The params were not compared with the keys of ${script}'s Hydra config: the hydra.main call at ${unreadable.file}:${unreadable.line} names no config that can be read without running it (${unreadable.reason}).`,
    );
    return [];
  }
  if (unreadable) {
    project.note(
      `The params were not compared with the flags of ${script}: the ${unreadable.call} call at ${unreadable.file}:${unreadable.line} cannot be read without running the script (${unreadable.reason})${reading.importError ? `, and importing it failed (${reading.importError})` : ''}. Make the call's arguments literals, or pass --import (which runs the script's top-level code) with --python naming an interpreter that has its requirements.`,
    );
    return [];
  }
  if (reading.flags.length === 0) {
    project.note(
      `The params were not compared with ${script}: it adds no argparse flag (${how(reading)}), so its params are passed as they are.`,
    );
    return [];
  }
  project.note(
    reading.hydraConfig
      ? `Compared the params with the top-level keys of ${reading.hydraConfig}, the Hydra config of ${script}, ${how(reading)}.`
      : `Compared the params with the flags of ${script}, ${how(reading)}.`,
  );
  const read = reading.hydraConfig ?? script;
  return flagDrift(read, config.params, reading.flags, createdProject(project)).map((drift) => {
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
  doc: "The `params` of `ml-cicd.yaml` are the argparse flags of the training entry point (`--script`/`--module`, else the script or module the train action of the Train workflow runs, else `train.py`, else the `[project.scripts]` entry of `pyproject.toml`): each param is named after its flag as the script spells it (`--max-depth` → `max-depth`, `--batch_size` → `batch_size`, a positional argument by its own name) and has the type `add workflow` writes for it (integer → int, number → float, boolean → a switch, a `type=str2bool` flag or BooleanOptionalAction, choice → choices, integer → a count flag, string → str, or an int, float or choice flag whose default is None, passed only when set), with the same default and choices; a switch's default is false (its box passes the flag when ticked). The flags are read statically from the `add_argument` calls of the script and of the project modules it imports, so none of its code runs and the result is the same on every machine; a default computed when the script runs is not compared, and a call whose flag is not a literal skips the check with a note. With `--import` the script is imported up to `parse_args` instead (its top-level code runs) by `python3`, or the interpreter `--python` names; a `.venv` in the repository is never run unless named. For a Hydra app (`@hydra.main` with a literal `config_path` and `config_name`), the params are the top-level keys of its primary config whose values are plain scalars, read from the YAML without importing Hydra, and `train.params-as` must be `overrides` (a run passes `key=value`); for an argparse script it must not be. A flag that takes several values (`nargs='+'`, `'*'` or a count) is a string param with `nargs: '+'`, whose default is its values separated by spaces (or empty, to pass nothing), and a param with `nargs` must be such a flag. Without Python, or when the script adds no flag at all, the check is skipped with a note. A flag with no param is information, not a warning: leaving flags out is the team's choice (and add's past GitHub's limit of inputs), and a run can still pass them in the extra-args input; a required flag with no param is an error.",
  check,
};
