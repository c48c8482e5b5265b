import { describe, expect, it } from 'vitest';
import { resolveAnswers, type RawAnswers } from '../../options.js';
import { buildProject, selectedFeatures } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

const featureIds = (raw: RawAnswers) =>
  selectedFeatures(resolveAnswers(raw, 'my-project')).map((feature) => feature.id);

describe('the MLflow model registry', () => {
  it('is in a project that tracks runs in MLflow and releases its model, and in no other', () => {
    expect(featureIds({ tracker: 'mlflow' })).toContain('registry-mlflow');
    expect(featureIds({ tracker: 'mlflow', release: 'off' })).not.toContain('registry-mlflow');
    expect(featureIds({ tracker: 'wandb' })).not.toContain('registry-mlflow');
    expect(featureIds({})).not.toContain('registry-mlflow');
  });

  it('gives the release the module that registers the model, and lists itself in the manifest', () => {
    const { files, manifest } = buildProject(
      resolveAnswers({ tracker: 'mlflow' }, 'my-project'),
      repoAssets,
    );
    expect(files.has('src/my_project/registry_mlflow.py')).toBe(true);
    expect(files.has('registry_mlflow.py')).toBe(true);
    expect(manifest.features).toContain('registry-mlflow');
    expect(files.get('.github/workflows/release.yml')).toContain('registry_mlflow.py');
  });
});
