import { RequestError } from '@octokit/request-error';
import { describe, expect, it, vi } from 'vitest';
import { callFailure, useProxyFromEnv } from './octokit.ts';

const request = { method: 'GET' as const, url: 'https://api.github.com/repos/acme/x', headers: {} };
const answered = (status: number, data: unknown) =>
  new RequestError('from Octokit', status, {
    request,
    response: { status, url: request.url, headers: {}, data },
  });

describe('what a failed call says', () => {
  it("gives GitHub's own message, without Octokit's documentation link", () => {
    const data = { message: 'Resource not accessible by integration', documentation_url: 'x' };
    expect(callFailure(answered(403, data))).toEqual({
      status: 403,
      message: 'Resource not accessible by integration',
    });
  });

  it("gives the status text for a proxy's error page", () => {
    expect(callFailure(answered(502, '<html>Bad gateway</html>'))).toEqual({
      status: 502,
      message: 'Bad Gateway',
    });
  });

  it('gives why nothing answered, and nothing for other errors', () => {
    const refused = new RequestError('connect ECONNREFUSED 127.0.0.1:9', 500, { request });
    expect(callFailure(refused)).toEqual({ unanswered: 'connect ECONNREFUSED 127.0.0.1:9' });
    expect(callFailure(new TypeError('x is not a function'))).toBeUndefined();
  });
});

describe('the proxy variables', () => {
  const proxy = 'http://proxy.internal:3128';

  it('are handed to Node where it can take them at run time (24.14 on)', () => {
    const setGlobalProxyFromEnv = vi.fn(() => () => undefined);
    expect(useProxyFromEnv({ HTTPS_PROXY: proxy }, { setGlobalProxyFromEnv })).toBeUndefined();
    expect(setGlobalProxyFromEnv).toHaveBeenCalledOnce();
  });

  it('are left to Node when the step starts with NODE_USE_ENV_PROXY=1', () => {
    const setGlobalProxyFromEnv = vi.fn(() => () => undefined);
    const env = { HTTPS_PROXY: proxy, NODE_USE_ENV_PROXY: '1' };
    expect(useProxyFromEnv(env, { setGlobalProxyFromEnv })).toBeUndefined();
    expect(useProxyFromEnv(env, {})).toBeUndefined();
    expect(setGlobalProxyFromEnv).not.toHaveBeenCalled();
  });

  it('are named, HTTPS_PROXY before HTTP_PROXY, where an older Node leaves them unused', () => {
    expect(useProxyFromEnv({ HTTP_PROXY: proxy, https_proxy: proxy }, {})).toBe('https_proxy');
    expect(useProxyFromEnv({ http_proxy: proxy, NODE_USE_ENV_PROXY: '0' }, {})).toBe('http_proxy');
    expect(useProxyFromEnv({ HTTPS_PROXY: '', NO_PROXY: '*' }, {})).toBeUndefined();
  });
});
