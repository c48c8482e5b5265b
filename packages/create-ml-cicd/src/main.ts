/** `create-ml-cicd [folder] [flags]`: scaffold a Python ML project that trains on GitHub Actions. */
import { basename, resolve } from 'node:path';
import {
  buildProject,
  levelFlags,
  namedFeatures,
  resolveAnswers,
  TargetNotEmptyError,
  UsageError,
  UserError,
  writePlan,
  type Level,
  type ProjectPlan,
  type WriteResult,
} from '@ml-cicd/core';
import pkg from '../package.json' with { type: 'json' };
import { parse, type BinFlags } from './args.js';
import { bundledAssets } from './assets.js';
import { Cancelled, exitCodeOf, messageOf } from './errors.js';
import type { GitOutcome } from './git.js';
import { helpText } from './help.js';
import { cdPath, detectPackageManager, mlCicdCommand, nextSteps } from './next-steps.js';
import { fileLines, printJson } from './output.js';

type Ui = typeof import('./prompts.js');

function interactiveMode(flags: BinFlags): boolean {
  const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (flags.interactive && !terminal) {
    throw new UsageError('--interactive needs a terminal; pass the answers as flags instead.');
  }
  return flags.interactive ?? (terminal && !flags.yes && !flags.json && !process.env.CI);
}

async function write(
  files: Map<string, string>,
  dir: string,
  flags: BinFlags,
  ui: Ui | undefined,
): Promise<WriteResult> {
  const options = { force: flags.force, dryRun: flags.dryRun, mode: 'new-project' as const };
  try {
    return await writePlan(files, dir, options);
  } catch (error) {
    if (!(error instanceof TargetNotEmptyError)) throw error;
    if (ui && (await ui.confirmOverwrite(dir, error.entries))) {
      return writePlan(files, dir, { ...options, force: true });
    }
    if (ui) throw new Cancelled();
    const shown = error.entries.slice(0, 5).join(', ') + (error.entries.length > 5 ? ', …' : '');
    throw new UserError(
      `${dir} is not empty (${shown}): nothing was written. Choose a new folder, or pass --force to write into it.`,
    );
  }
}

/** Whether there is anything to set on GitHub: environments, or repository secrets or variables. */
function hasSettings(config: ProjectPlan['config']): boolean {
  if (config['secrets-scope'] !== 'repo') return true;
  return Object.values(config.environments).some(
    ({ secrets, variables }) => secrets.length + variables.length > 0,
  );
}

/** What a `--level` preset sets, shown before anything is generated. */
function levelLine(level: Level): string {
  const flags = levelFlags(level);
  const sets = flags.length > 0 ? `sets ${flags.join(' ')}` : 'keeps the defaults';
  return `Level ${level.id} (${level.title}: ${level.automates}) ${sets}; flags override it.`;
}

async function init(flags: BinFlags, name: string | undefined): Promise<number> {
  const dir = resolve(flags.target ?? '.');
  const { initProject } = await import('./init.js');
  const result = await initProject(dir, { name, force: flags.force, dryRun: flags.dryRun });
  if (flags.json) {
    printJson({ dir, dryRun: flags.dryRun, ...result });
    return 0;
  }
  if (result.status === 'already') {
    process.stdout.write(`Nothing to do: ${dir} is set up already (no .ml-cicd/template-setup).\n`);
    return 0;
  }
  const removed = result.removed.map((path) => `  remove     ${path}`).join('\n');
  if (flags.dryRun) {
    process.stdout.write(
      `Dry run: nothing was written to ${dir}.\n${fileLines(result.files)}\n${removed}\n\n${result.diff}`,
    );
    return 0;
  }
  const written = result.files.filter((file) => file.action !== 'identical').length;
  process.stdout.write(
    `Set up ${dir} as ${result.answers?.name}: wrote ${written} files, removed the template's own.\n${removed}\n` +
      'Workflows are left as they are: delete .github/workflows/template-setup.yml, it does nothing now.\n',
  );
  return 0;
}

async function run(argv: string[]): Promise<number> {
  const { command, flags, answers: given, level } = parse(argv);
  if (flags.help) {
    process.stdout.write(helpText());
    return 0;
  }
  if (flags.version) {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (command === 'init') return init(flags, given.name);
  const ui: Ui | undefined = interactiveMode(flags) ? await import('./prompts.js') : undefined;
  ui?.prompts.intro(`create-ml-cicd ${pkg.version}`);
  const target = flags.target ?? (ui ? await ui.askTarget() : 'my-ml-project');
  const dir = resolve(target);
  const raw = ui ? await ui.askAnswers(given, basename(dir)) : given;
  const answers = resolveAnswers(raw, basename(dir));
  if (level && !flags.json) {
    if (ui) ui.prompts.log.info(levelLine(level));
    else process.stdout.write(`${levelLine(level)}\n`);
  }
  const plan = buildProject(answers, bundledAssets());
  const result = await write(plan.files, dir, flags, ui);

  const say = (line: string) => {
    if (flags.json) return;
    if (ui) ui.prompts.log.step(line);
    else process.stdout.write(`${line}\n`);
  };
  if (flags.dryRun) {
    if (flags.json) {
      printJson({
        dir,
        dryRun: true,
        level: level && { id: level.id, title: level.title, answers: level.answers },
        answers,
        features: plan.manifest.features,
        files: result.files,
        diff: result.diff,
      });
    } else {
      process.stdout.write(
        `Dry run: nothing was written to ${dir}.\n${fileLines(result.files)}\n\n${result.diff}`,
      );
    }
    return 0;
  }
  const named = namedFeatures(plan.manifest.features).join(', ');
  say(`Wrote ${result.written} files to ${dir} (${named}).`);

  let git: GitOutcome | 'skipped' = 'skipped';
  if (flags.git) {
    // git and --install spawn processes: child_process loads only when one is asked for.
    git = (await import('./git.js')).initRepository(dir);
    if (git === 'committed') say('Created a git repository with a first commit.');
    if (git === 'initialised')
      say('Created a git repository (no commit: set git user.name and user.email first).');
    if (git === 'no-git') say('git was not found: no repository was created.');
  }
  if (flags.install) {
    const spinner = ui ? ui.prompts.spinner() : undefined;
    const { installEnvironment } = await import('./install.js');
    await installEnvironment(dir, (step) => (spinner ? spinner.start(step) : say(`${step}...`)));
    spinner?.stop('Installed the pinned requirements into .venv.');
    if (!spinner) say('Installed the pinned requirements into .venv.');
  }
  const { features } = plan.manifest;
  const steps = nextSteps({
    cdPath: cdPath(process.cwd(), dir),
    installed: flags.install,
    windows: process.platform === 'win32',
    pm: detectPackageManager(process.env.npm_config_user_agent),
    features,
    settings: hasSettings(plan.config),
    mlCicd: mlCicdCommand(pkg.version),
    task: plan.config.task,
  });
  if (flags.json) {
    printJson({
      dir,
      dryRun: false,
      level: level && { id: level.id, title: level.title, answers: level.answers },
      answers,
      features: plan.manifest.features,
      files: result.files,
      git,
      installed: flags.install,
      nextSteps: steps,
    });
  } else if (ui) {
    ui.prompts.note(steps.join('\n'), 'Next steps');
    ui.prompts.outro('Done.');
  } else {
    process.stdout.write(`\nNext steps:\n${steps.map((step) => `  ${step}`).join('\n')}\n`);
  }
  return 0;
}

// Output piped into a command that stops reading (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const json = process.argv.includes('--json');
    const message = messageOf(error, pkg.version);
    if (json) printJson({ error: { message, exitCode: exitCodeOf(error) } });
    process.stderr.write(`${message}\n`);
    process.exitCode = exitCodeOf(error);
  },
);
