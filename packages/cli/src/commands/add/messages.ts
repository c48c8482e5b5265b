/** What `ml-cicd add` says, apart from its logic. */
import { npxCommand, type FileAction } from '@ml-cicd/core';
import type { ArgparseReading, UnreadableCall } from '../../argparse/index.js';

export const usage = 'add workflow <kind> [dir]';

export const summary = "add a workflow and what it needs to a repository's training script";

export const help = (
  kinds: readonly string[],
  kindsHelp: string,
  runnerFlags: string,
  trackers: readonly string[],
) => `Usage: ml-cicd add workflow <kind> [dir] [flags]

Add a workflow, and the files it needs, to the repository in dir (default: the current folder).
The params come from the training script's argparse flags; nothing is overwritten without --force
but the files ml-cicd wrote and nobody has edited since, and nothing at all is written when a check
fails. A later kind runs the script an earlier one recorded; ml-cicd update works on what add wrote.

Kinds:
${kindsHelp}
Each writes ml-cicd.yaml, .github/actionlint.yaml, .github/zizmor.yml, .github/dependabot.yml and
.ml-cicd/manifest.json.

Flags:
  --script <path>     training script (default: the one an earlier add recorded, else train.py,
                      else a console script of pyproject.toml, setup.py or setup.cfg)
  --module <name>     training module, run as python -m <name>
  --import            read the script's flags by importing it (its top-level code runs, up to
                      parse_args) instead of reading its source; only for code you trust
  --python <path>     interpreter that reads the script's flags (default: python3, then python
                      on the PATH; never the repository's .venv unless named here)
  --metrics-file <path>
                      the JSON file the script writes its metrics to, recorded as ml-cicd.yaml's
                      metrics.file for the train action (default: outputs/metrics.json)
  --name <project>    project name (default: ml-cicd.yaml's, else the folder's name)
  --tracker <name>    ${trackers.join(', ')}, as npm create ml-cicd names them: train.yml
                      hands the tracker's settings to the script (default: ml-cicd.yaml's
                      tracker.kind)
  --workflow-file <name>
                      test: the file name of ml-cicd's CI workflow in .github/workflows (default:
                      ci.yml, or ml-cicd-ci.yml when the repository has a ci.yml of its own)
  --schedule <when>   retrain: monthly or weekly
  --dvc-deps <paths>  dvc: what the script reads besides itself, comma-separated (e.g. data/raw)
  --dvc-outs <paths>  dvc: what the script writes for DVC to version, comma-separated
${runnerFlags}
  --dry-run           write nothing; print what each file would get and the diff
  --lock              lock the requirements the workflow installs, with uv, else pip-tools
                      (pip-compile), from requirements.in, an unpinned requirements.txt, or
                      pyproject.toml's dependencies; without it, add refuses a training
                      workflow whose requirements file is missing or unpinned
  --force             overwrite files that differ
  -h, --help          show this help

Kinds the engine has: ${kinds.join(', ')}.
`;

export const unknownKind = (kind: string, kinds: readonly string[]) =>
  `ml-cicd add workflow ${kind} does not exist: the kinds are ${kinds.join(', ')}.`;

export const trainsWithoutDefaults = (kind: string, names: string[], listed: boolean) => {
  const params = names.map((name) => `params.${name}`).join(', ');
  const has = names.length === 1 ? 'has' : 'have';
  const set = listed
    ? `set a default for each in ml-cicd.yaml and run ml-cicd sync`
    : `run ml-cicd add workflow train, which lists the params in ml-cicd.yaml, set a default for each there and run ml-cicd sync`;
  const own = kind === 'report' ? ' (or give the report its own arguments under report.args)' : '';
  return `${kind}.yml trains on its own with each required param at its default, and ${params} ${has} none, so its first run would fail; nothing was written: ${set}${own}, then run ml-cicd add workflow ${kind} again.`;
};

export const retrainNeedsGates =
  'ml-cicd.yaml has no metrics.gates, so retrain.yml reports the metrics of each run but never opens an issue: add a gate on a metric the script writes (metrics.gates: [{metric: accuracy, min: 0.9}]), then run ml-cicd add workflow retrain again.';

export const noEntryPoint = (dir: string) =>
  `No training script in ${dir}: there is no train.py and no [project.scripts] entry in pyproject.toml; name it with --script <path> or --module <name>.`;

export const functionEntry = (entry: string) =>
  `The training entry point is ${entry}, a function the train action cannot call; pass the module that runs it with --module <name> (python -m <name>) or a script with --script <path>.`;

export const consoleScriptRun = (entry: string, module: string, file: string) =>
  `the console script ${entry} runs as python -m ${module}, as ${file} calls it under its __main__ guard.`;

export const ciMoved = (path: string) =>
  `.github/workflows/ci.yml is the team's own and stays as it is: ml-cicd's CI is written to ${path} (choose another name with --workflow-file <name>).`;

export const trackerWired = (tracker: string) =>
  `train.yml hands the ${tracker} settings of the "training" environment to the script, which logs to ${tracker} only if it calls ${tracker} itself, with ${tracker} in its requirements.`;

export const requirementsFound = (path: string) =>
  `the workflows install ${path}, recorded as ml-cicd.yaml's train.requirements (there is no requirements.txt at the root).`;

export const requirementsRefused = (problem: string) => `Nothing was written: ${problem}.`;

export const unreadable = (script: string, why: string) =>
  `Could not read the flags of ${script}: ${why}. Check that it is valid Python (python -m py_compile ${script}), or pass the interpreter with --python <path>.`;

export const noPython = (tried: string[]) =>
  `No Python found to read the script's flags (tried ${tried.join(', ')}); pass one with --python <path>.`;

export const readWith = (script: string, count: number, reading: ArgparseReading) => {
  if (reading.hydraConfig) {
    return `${script} is a Hydra app: read ${count} top-level key${count === 1 ? '' : 's'} of its config ${reading.hydraConfig} statically, without running it; each param is passed as a Hydra override, key=value, and nested keys in the extra-args input (e.g. trainer.max_epochs=1).`;
  }
  const flags = `${count} flag${count === 1 ? '' : 's'} of ${script}`;
  if (reading.method === 'import') {
    return `Read ${flags} by importing it with ${reading.python.command}: its top-level code ran up to parse_args, which was intercepted (nothing trained).`;
  }
  return reading.importError
    ? `Read ${flags} statically from its add_argument calls, without running it (importing it failed: ${reading.importError}).`
    : `Read ${flags} statically from its add_argument calls, without running it.`;
};

export const unreadableCall = (call: UnreadableCall) =>
  call.call === 'hydra.main'
    ? `the hydra.main call at ${call.file}:${call.line} names no config add can read (${call.reason}), so the config's keys are not params; add the ones you want to ml-cicd.yaml's params by hand (train.params-as: overrides passes them as key=value), or set them in the extra-args input.`
    : `the ${call.call} call at ${call.file}:${call.line} cannot be read without running the script (${call.reason}), so ${call.call === 'add_argument' ? 'its flag is not a param; add it' : 'those flags are not params; add the ones you want'} to ml-cicd.yaml's params by hand, or read the script with --import if you trust its code.`;

const width = 'identical '.length;

export const fileLine = (action: FileAction, path: string) => `${action.padEnd(width)}${path}`;

export const conflict = (paths: string[]) =>
  [
    `Nothing was written: ${paths.length === 1 ? 'this file exists' : 'these files exist'} and ${paths.length === 1 ? 'differs' : 'differ'} from what ml-cicd would write:`,
    ...paths.map((path) => `  ${path}`),
    'See the changes with --dry-run, overwrite them with --force, or move your file aside and run again.',
  ].join('\n');

export const unchanged = 'Nothing changed: every file is already as ml-cicd would write it.';

export const wrote = (count: number) =>
  `Wrote ${count} file${count === 1 ? '' : 's'}. Check the repository with: ${npxCommand('ml-cicd', 'validate')}`;

export const dryRunDone = 'Dry run: nothing was written.';
