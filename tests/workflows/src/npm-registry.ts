/**
 * A stand-in for https://registry.npmjs.org on 127.0.0.1, reached by the runs' own curl: each
 * run that asks for it gets a `~/.curlrc` that connects registry.npmjs.org:443 to this server and
 * trusts the certificate the suite made for that name. The workflow files run as generated.
 *
 * It answers `GET /<package>/latest` and `GET /<package>/<version>` with the versions a test gives,
 * `GET /<package>` with the packument npm reads (versions, `dist.tarball`, `dist.integrity`,
 * `dist-tags.latest`), and `GET /<package>/-/<package>-<version>.tgz` with a version's tarball
 * file, 404 for anything else. npm reaches it through a run's `~/.npmrc` (`npmrc`): its
 * certificate also names 127.0.0.1, as npm has no connect-to. It does NOT emulate: scoped
 * packages, dist-tags other than latest, search, audit, authentication, publishing, or any host
 * but registry.npmjs.org.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runOk } from '@ml-cicd/e2e/exec';

const host = 'registry.npmjs.org';

/**
 * The versions the stand-in serves, by package name; the last one listed is `latest`. A version
 * with a `tarball` (a .tgz file) serves it, with its sha512 as the integrity unless one is given.
 */
export type Published = Record<string, { version: string; integrity?: string; tarball?: string }[]>;

/** npm's `dist.integrity` of a file: sha512, base64. */
export const integrityOf = (file: string) =>
  `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;

export interface NpmRegistry {
  /** Lines for a run's `~/.curlrc` (ActRequest.curlrc). */
  curlrc: string;
  /** Lines for a run's `~/.npmrc` (ActRequest.npmrc): npm's registry is this server. */
  npmrc: string;
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
      '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host},IP:127.0.0.1`],
    { cwd: certDir },
  );
  const requests: string[] = [];
  let origin = '';
  // A version's document is its package.json (npm links the bins it names), as the registry's is.
  const packageJsons = new Map<string, object>();
  const packageJsonOf = (tarball: string) => {
    if (!packageJsons.has(tarball)) {
      const text = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
        encoding: 'utf8',
      });
      packageJsons.set(tarball, JSON.parse(text) as object);
    }
    return packageJsons.get(tarball)!;
  };
  const dist = (name: string, found: Published[string][number]) => ({
    integrity: found.integrity ?? (found.tarball ? integrityOf(found.tarball) : undefined),
    ...(found.tarball ? { tarball: `${origin}/${name}/-/${name}-${found.version}.tgz` } : {}),
  });
  const server = createServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (request, response) => {
      const path = request.url ?? '/';
      requests.push(path);
      const [, rawName = '', wanted = '', file = ''] = path.split('/');
      const name = decodeURIComponent(rawName);
      const versions = published[name] ?? [];
      const tarball =
        wanted === '-' ? versions.find((v) => file === `${name}-${v.version}.tgz`)?.tarball : '';
      if (tarball) {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        response.end(readFileSync(tarball));
        return;
      }
      const manifest = (found: Published[string][number]) => ({
        ...(found.tarball ? packageJsonOf(found.tarball) : {}),
        name,
        version: found.version,
        dist: dist(name, found),
      });
      const found =
        wanted === 'latest' ? versions.at(-1) : versions.find((v) => v.version === wanted);
      const packument = wanted === '' &&
        versions.length > 0 && {
          name,
          'dist-tags': { latest: versions.at(-1)!.version },
          versions: Object.fromEntries(versions.map((v) => [v.version, manifest(v)])),
        };
      const answer = packument || (found && manifest(found));
      response.writeHead(answer ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer || { error: 'Not found' }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `https://127.0.0.1:${port}`;
  return {
    npmrc: `registry=${origin}/\ncafile=${cert}\nupdate-notifier=false\nfund=false\naudit=false\n`,
    curlrc: `connect-to = "${host}:443:127.0.0.1:${port}"\ncacert = "${cert}"\n`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
