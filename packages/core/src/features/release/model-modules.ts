/**
 * The Python modules both release and retrain need: saving and safely loading the released model
 * (skops), and reading the gates of ml-cicd.yaml. Whichever of the two features is on adds them,
 * once.
 */
import type { ProjectModel } from '../../model.js';
import type { TemplateReader } from '../../templates.js';

const sharedModules = ['model_file.py', 'gates.py', 'test_model_file.py', 'test_gates.py'];

/** Whether a file of templates/release/ is one of the shared modules or their tests. */
export function isSharedModule(path: string): boolean {
  return sharedModules.includes(path.slice(path.lastIndexOf('/') + 1));
}

export function addModelModules(model: ProjectModel, templates: TemplateReader): void {
  for (const [path, content] of templates.feature('release')) {
    if (isSharedModule(path) && !model.files.has(path)) model.addFile(path, content);
  }
  model.requirements.add('skops');
  // The gates are read from ml-cicd.yaml at run time, not only in the tests.
  model.requirements.add('pyyaml');
}
