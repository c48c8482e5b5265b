import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { dvcRemoteKindOf } from '../../dvc-remotes.js';
import { resolveAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

describe('the kind of a DVC remote URL', () => {
  it.each([
    ['s3://team-data/models', 's3'],
    ['https://dagshub.com/acme/my-project.dvc', 'dagshub'],
    ['https://remote.dvc.org/get-started', 'http'],
    ['https://dagshub.com/acme/my-project', undefined],
    ['http://127.0.0.1:8080/store', 'http'],
    ['/srv/dvc', 'local'],
    ['webdavs://example.org/dvc', undefined],
    ['gdrive://0AIac4JZqHhKmUk9PDA', undefined],
  ])('%s is %s', (url, kind) => {
    expect(dvcRemoteKindOf(url)).toBe(kind);
  });
});

describe('a read-only HTTP remote', () => {
  const url = 'https://data.example.com/dvc/my-project';
  const files = buildProject(
    resolveAnswers(
      { name: 'my-project', data: 'dvc', dvcRemote: 'http', dvcRemoteUrl: url, release: 'on' },
      'my-project',
    ),
    repoAssets,
  ).files;
  const ci = parse(files.get('.github/workflows/ci.yml')!);
  const config = parse(files.get('ml-cicd.yaml')!);

  it('is pulled in CI without credentials or an environment', () => {
    const check = ci.jobs.dvc;
    expect(check.environment).toBeUndefined();
    expect(check.permissions).toEqual({ contents: 'read' });
    const names = check.steps.map((step: { name: string }) => step.name);
    expect(names).not.toContain('Look for the DVC remote’s credentials');
    const pull = check.steps.find((step: { name: string }) => step.name === 'Pull data and models');
    expect(pull).toMatchObject({ run: 'dvc pull --allow-missing\n' });
    expect(pull.if).toBeUndefined();
    expect(names.indexOf('Pull data and models')).toBeLessThan(
      names.indexOf('Reproduce the pipeline'),
    );
  });

  it('is never pushed to: no dvc-push job, no environments of the remote, no push at release', () => {
    expect(Object.keys(ci.jobs)).not.toContain('dvc-push');
    expect(config.data).toEqual({ kind: 'dvc', remote: { kind: 'http', url } });
    expect(Object.keys(config.environments)).not.toContain('data');
    expect(Object.keys(config.environments)).not.toContain('data-read');
    expect(files.get('.github/workflows/release.yml')).not.toContain('dvc push');
    expect(files.get('.dvc/config')).toContain(`url = ${url}`);
    const readme = files.get('README.md')!;
    expect(readme).toContain('needs no credentials and pushes nothing');
    expect(readme).not.toContain('dvc push');
  });
});
