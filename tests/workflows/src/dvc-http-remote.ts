/**
 * A read-only DVC remote over HTTP on 127.0.0.1, as a public data server is: it answers GET and
 * HEAD with the files of a DVC 3 remote (`files/md5/<2 hex>/<30 hex>` under its URL), refuses
 * every other method, and records each request. Not emulated: TLS, redirects, authentication,
 * directory listings (a pull of single files needs none).
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

export interface DvcHttpRemote {
  /** The remote's URL, as `.dvc/config` names it. */
  url: string;
  /** `<METHOD> <path>` of each request, in order. */
  requests: string[];
  stop(): Promise<void>;
}

const md5 = (content: string) => createHash('md5').update(content).digest('hex');

/** Where a DVC 3 remote keeps a file of this content, under its URL. */
export function objectPath(content: string): string {
  const hash = md5(content);
  return `files/md5/${hash.slice(0, 2)}/${hash.slice(2)}`;
}

/** The `.dvc` file `dvc add` writes beside a file of this name and content. */
export function dvcFile(name: string, content: string): string {
  const size = Buffer.byteLength(content);
  return `outs:\n- md5: ${md5(content)}\n  size: ${size}\n  hash: md5\n  path: ${name}\n`;
}

/** Serves `contents` (file contents) at `/store/`, the remote's URL. */
export async function startDvcHttpRemote(contents: string[]): Promise<DvcHttpRemote> {
  const objects = new Map(contents.map((content) => [`/store/${objectPath(content)}`, content]));
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(`${request.method} ${path}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const content = objects.get(path);
    if (content === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': Buffer.byteLength(content),
    });
    response.end(request.method === 'GET' ? content : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/store`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
