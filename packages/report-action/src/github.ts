/**
 * The few GitHub REST calls the action makes, over Node's own `fetch`. Octokit (through
 * @actions/github) would bring its proxy-aware HTTP client, about 500 kB bundled, into every
 * repository that vendors this action; five endpoints do not need it.
 */

/** An answer from GitHub other than 2xx. A network failure is fetch's own TypeError instead. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface GitHubClient {
  get: <T>(path: string) => Promise<T>;
  /** One page per call, following the Link header's `next` URL as GitHub gives it. */
  pages: <T>(path: string) => AsyncGenerator<T[]>;
  send: <T>(method: 'POST' | 'PATCH', path: string, body: unknown) => Promise<T>;
  /**
   * A file, following GitHub's redirect to its storage; fetch drops the token when the redirect
   * leaves the API's origin, so the storage never sees it.
   */
  download: (path: string) => Promise<Buffer>;
}

const nextLink = (link: string | null) => /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];

export function gitHubClient(token: string, apiUrl: string): GitHubClient {
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `token ${token}`,
    'user-agent': 'ml-cicd-report-action',
    'x-github-api-version': '2022-11-28',
  };

  async function call(method: string, url: string, body?: unknown): Promise<Response> {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return response;
    const text = await response.text();
    let message = response.statusText;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message;
    } catch {
      // Not JSON (a proxy's error page): the status text says enough.
    }
    throw new ApiError(response.status, message);
  }

  return {
    async get<T>(path: string) {
      return (await (await call('GET', `${apiUrl}${path}`)).json()) as T;
    },
    async *pages<T>(path: string) {
      let url: string | undefined = `${apiUrl}${path}`;
      while (url) {
        const response = await call('GET', url);
        yield (await response.json()) as T[];
        url = nextLink(response.headers.get('link'));
      }
    },
    async send<T>(method: 'POST' | 'PATCH', path: string, body: unknown) {
      return (await (await call(method, `${apiUrl}${path}`, body)).json()) as T;
    },
    async download(path: string) {
      return Buffer.from(await (await call('GET', `${apiUrl}${path}`)).arrayBuffer());
    },
  };
}
