/**
 * Questions asked only when they apply. inquirer's `when` does that, but plop refuses a
 * command-line answer to a question that has a `when` function; the `input-if`, `confirm-if` and
 * `list-if` prompt types take one, and ask the question only when its `applies(answers)` holds.
 */
import type { NodePlopAPI, PromptQuestion } from 'node-plop';

type PromptConstructor = Parameters<NodePlopAPI['setPrompt']>[1];
type Answers = Record<string, unknown>;
type Applies = (answers: Answers) => boolean | Promise<boolean>;

function onlyIfApplies(Prompt: PromptConstructor): PromptConstructor {
  return class {
    status = 'pending';
    private prompt?: InstanceType<PromptConstructor>;

    constructor(
      private readonly question: PromptQuestion & { applies: Applies },
      private readonly readLine: ConstructorParameters<PromptConstructor>[1],
      private readonly answers: Answers,
    ) {}

    async run(): Promise<unknown> {
      if (!(await this.question.applies(this.answers))) return undefined;
      this.prompt = new Prompt(this.question, this.readLine, this.answers);
      return this.prompt.run();
    }

    close(): void {
      (this.prompt as { close?: () => void } | undefined)?.close?.();
    }
  };
}

/** node-plop hands a plopfile its inquirer too, though its types leave it out. */
type WithInquirer = NodePlopAPI & {
  inquirer: { prompt: { prompts: Record<string, PromptConstructor | undefined> } };
};

export function registerConditionalPrompts(plop: NodePlopAPI): void {
  const { prompts } = (plop as WithInquirer).inquirer.prompt;
  for (const type of ['input', 'confirm', 'list']) {
    const Prompt = prompts[type];
    if (Prompt) plop.setPrompt(`${type}-if`, onlyIfApplies(Prompt));
  }
}

/** A yes/no answer given on the command line, read as plop reads one for `confirm`. */
function yesOrNo(value: string): boolean {
  if (/^(y|yes|t|true)$/i.test(value)) return true;
  if (/^(n|no|f|false)$/i.test(value)) return false;
  throw new Error('answer y or n');
}

/** `question`, asked only when `applies` holds for the answers so far. */
export function askedIf(
  question: PromptQuestion & { type: 'input' | 'confirm' | 'list' },
  applies: Applies,
): PromptQuestion {
  const bypass = question.type === 'confirm' ? { bypass: yesOrNo } : {};
  const conditional = { ...bypass, ...question, type: `${question.type}-if`, applies };
  return conditional;
}
