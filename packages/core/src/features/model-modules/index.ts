/**
 * The Python modules the release and the re-evaluation both use: saving and safely loading the
 * released model (skops), and reading the gates of ml-cicd.yaml, with their tests.
 */
import { defineFeature } from '../types.js';

export const modelModules = defineFeature({
  id: 'model-modules',
  title: 'Released model files',
  description:
    'save and safely load the released model (skops) and read the gates, for release and re-evaluation',
  serves: ['release', 'retrain'],
  contribute(model, { templates }) {
    for (const [path, content] of templates.feature('model-modules')) model.addFile(path, content);
    model.requirements.add('skops');
    // The gates are read from ml-cicd.yaml at run time, not only in the tests.
    model.requirements.add('pyyaml');
  },
});
