import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

const answers = resolveAnswers(
  { name: 'my-project', runner: 'arc', arcScaleSet: 'team-gpus', arcMaxRunners: '6' },
  'my-project',
);
const { files } = buildProject(answers, repoAssets);

describe('the arc runner', () => {
  it('runs training and same-repository checks on the scale set name alone (W18)', () => {
    const train = parse(files.get('.github/workflows/train.yml')!);
    expect(train.jobs.train['runs-on']).toBe('team-gpus');
    const ci = parse(files.get('.github/workflows/ci.yml')!);
    expect(JSON.parse(ci.jobs.checks.with['runs-on'])).toBe('team-gpus');
    expect(JSON.parse(ci.jobs['checks-fork'].with['runs-on'])).toBe('ubuntu-latest');
    expect(parse(files.get('.github/actionlint.yaml')!)['self-hosted-runner'].labels).toEqual([
      'team-gpus',
    ]);
  });

  it('writes Helm values for an ephemeral GPU scale set that scales from zero', () => {
    const values = parse(files.get('infra/arc/values.yaml')!);
    expect(values).toMatchObject({
      runnerScaleSetName: 'team-gpus',
      minRunners: 0,
      maxRunners: 6,
      githubConfigUrl: 'https://github.com/GITHUB_OWNER/my-project',
    });
    const { spec } = values.template;
    expect(spec.nodeSelector).toEqual({ 'nvidia.com/gpu.present': 'true' });
    expect(spec.tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(spec.containers[0].resources.limits['nvidia.com/gpu']).toBe(1);
    expect(files.get('infra/arc/values.yaml')).not.toMatch(/github_token|private_key/);
  });

  it('says how to install that scale set under the name the workflows use', () => {
    const readme = files.get('infra/arc/README.md')!;
    expect(readme).toContain('helm install team-gpus --namespace arc-runners');
    expect(readme).toContain('--version 0.14.2 -f infra/arc/values.yaml');
  });
});
