/** The commands of `ml-cicd`: one folder each under commands/, and one line here. */
import type { Command } from './command.js';
import * as validate from './validate/messages.js';

export type { Command, CommandModule } from './command.js';

export const commands: readonly Command[] = [
  {
    name: 'validate',
    usage: validate.usage,
    summary: validate.summary,
    load: () => import('./validate/index.js'),
  },
];
