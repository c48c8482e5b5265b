import { describe, expect, it } from 'vitest';
import { repoAssets } from '../../../test/assets.js';
import { resolveAnswers } from '../../options.js';
import { buildModel } from '../../plan.js';

describe('tracker-comet', () => {
  const model = buildModel(resolveAnswers({ tracker: 'comet' }, 'my-project'), repoAssets);

  it('records the tracker and installs its pinned client', () => {
    expect(model.config.tracker).toEqual({ kind: 'comet' });
    expect(model.requirements.lines()).toContain('comet-ml==3.58.8');
    expect([...model.files.keys()]).toContain('src/my_project/tracking_backend.py');
  });

  it('hands training the key as a secret and the project and workspace as variables', () => {
    expect(model.trainingEnv).toEqual([
      { name: 'COMET_PROJECT_NAME', secret: false },
      { name: 'COMET_WORKSPACE', secret: false },
      { name: 'COMET_API_KEY', secret: true },
    ]);
  });
});
