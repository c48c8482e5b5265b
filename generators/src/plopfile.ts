/** The generators of `pnpm plop`: see generators/README.md. */
import type { NodePlopAPI } from 'node-plop';
import { registerConditionalPrompts } from './conditional.js';
import { feature } from './feature.js';
import { project } from './project.js';
import { rule } from './rule.js';
import { literal, sentence } from './source-edits.js';
import { workflow } from './workflow.js';

export default function plopfile(plop: NodePlopAPI): void {
  plop.setWelcomeMessage('ml-cicd generators:');
  registerConditionalPrompts(plop);
  plop.setHelper('literal', literal);
  plop.setHelper('sentence', sentence);
  plop.setGenerator('project', project);
  plop.setGenerator('workflow', workflow);
  plop.setGenerator('feature', feature(plop));
  plop.setGenerator('rule', rule(plop));
}
