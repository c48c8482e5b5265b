/** The commands of `ml-cicd`: one folder each under commands/, and one line here. */
import type { Command } from './command.js';
import * as add from './add/messages.js';
import * as secrets from './secrets/messages.js';
import * as sync from './sync/messages.js';
import * as update from './update/messages.js';
import * as validate from './validate/messages.js';

export type { Command, CommandModule } from './command.js';

export const commands: readonly Command[] = [
  {
    name: 'add',
    usage: add.usage,
    summary: add.summary,
    load: () => import('./add/index.js'),
  },
  {
    name: 'secrets',
    usage: secrets.usage,
    summary: secrets.summary,
    load: () => import('./secrets/index.js'),
  },
  {
    name: 'sync',
    usage: sync.usage,
    summary: sync.summary,
    load: () => import('./sync/index.js'),
  },
  {
    name: 'update',
    usage: update.usage,
    summary: update.summary,
    load: () => import('./update/index.js'),
  },
  {
    name: 'validate',
    usage: validate.usage,
    summary: validate.summary,
    load: () => import('./validate/index.js'),
  },
];
