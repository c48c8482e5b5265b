/**
 * A stand-in for https://registry.npmjs.org on 127.0.0.1, reached by the runs' own curl: each
 * run that asks for it gets a `~/.curlrc` that connects registry.npmjs.org:443 to this server and
 * trusts the certificate the suite made for that name. The workflow files run as generated.
 *
 * It answers `GET /<package>/latest` and `GET /<package>/<version>` with the versions a test gives,
 * 404 for any other package or path. It does NOT emulate: tarballs, scoped packages, dist-tags
 * other than latest, search, authentication, or any host but registry.npmjs.org.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runOk } from './exec.js';

const host = 'registry.npmjs.org';

/** The versions the stand-in serves, by package name; the last one listed is `latest`. */
export type Published = Record<string, { version: string; integrity?: string }[]>;

export interface NpmRegistry {
  /** Lines for a run's `~/.curlrc` (ActRequest.curlrc). */
  curlrc: string;
  /** The paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startNpmRegistry(dir: string, published: Published): Promise<NpmRegistry> {
  const certDir = mkdtempSync(join(dir, 'npm-registry-'));
  const [key, cert] = [join(certDir, 'key.pem'), join(certDir, 'cert.pem')];
  await runOk(
    'openssl',
    // prettier-ignore
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-keyout', key, '-out', cert,
      '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`],
    { cwd: certDir },
  );
  const requests: string[] = [];
  const server = createServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (request, response) => {
      const path = request.url ?? '/';
      requests.push(path);
      const [, name = '', wanted = ''] = path.split('/');
      const versions = published[decodeURIComponent(name)] ?? [];
      const found =
        wanted === 'latest' ? versions.at(-1) : versions.find((v) => v.version === wanted);
      response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      const manifest = found && {
        name,
        version: found.version,
        dist: { integrity: found.integrity },
      };
      response.end(JSON.stringify(manifest || { error: 'Not found' }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    curlrc: `connect-to = "${host}:443:127.0.0.1:${port}"\ncacert = "${cert}"\n`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
