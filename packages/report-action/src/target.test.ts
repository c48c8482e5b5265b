import { describe, expect, it } from 'vitest';
import { commentTarget, type EventContext } from './target.ts';

const pullRequest = (head: string | null): EventContext['payload'] => ({
  pull_request: { number: 7, head: { repo: head === null ? null : { full_name: head } } },
});

const context = (overrides: Partial<EventContext> = {}): EventContext => ({
  eventName: 'pull_request',
  repo: { owner: 'acme', repo: 'churn-model' },
  actor: 'octocat',
  payload: pullRequest('acme/churn-model'),
  ...overrides,
});

describe('where the report may comment', () => {
  it('comments on a pull request from a branch of the same repository', () => {
    expect(commentTarget(context())).toEqual({ issueNumber: 7 });
    expect(commentTarget(context({ repo: { owner: 'Acme', repo: 'Churn-Model' } }))).toEqual({
      issueNumber: 7,
    });
  });

  it.each<[string, Partial<EventContext>, string]>([
    ['a push', { eventName: 'push', payload: {} }, 'The event is push, not a pull_request'],
    [
      'pull_request_target',
      { eventName: 'pull_request_target' },
      'The event is pull_request_target, not a pull_request',
    ],
    ['a fork', { payload: pullRequest('mallory/churn-model') }, 'the fork mallory/churn-model'],
    ['a deleted fork', { payload: pullRequest(null) }, 'the fork a deleted repository'],
    ['Dependabot', { actor: 'dependabot[bot]' }, 'started by Dependabot'],
  ])('writes only the summary on %s', (_, overrides, reason) => {
    const target = commentTarget(context(overrides));
    expect(target).toEqual({ skip: expect.stringContaining(reason) });
  });
});
