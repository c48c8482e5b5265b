/**
 * src/undici-stub.ts stands in for undici on facts about the toolkit versions installed: these
 * tests fail when an update of @actions/core or @actions/http-client changes one of them.
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProxyAgent } from '../src/undici-stub.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const core = realpathSync(join(root, 'node_modules/@actions/core'));
// pnpm links a package's dependencies beside it.
const httpClient = join(core, '../http-client');
const version = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
const sources = (dir: string) =>
  readdirSync(join(dir, 'lib'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, text: readFileSync(join(dir, 'lib', name), 'utf8') }));

/** The methods of a class in compiled code, by name, each with its body. */
function methods(text: string): Map<string, string> {
  const parts = text.split(/^ {4}(?:async )?(\w+)\(.*\) \{$/m);
  const found = new Map<string, string>();
  for (let at = 1; at < parts.length; at += 2) found.set(parts[at] ?? '', parts[at + 1] ?? '');
  return found;
}

describe('the undici stub', () => {
  it('is written for @actions/core 3.0.1, pinned exactly, and its @actions/http-client 4.0.1', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies['@actions/core']).toBe('3.0.1');
    expect(version(core)).toBe('3.0.1');
    expect(version(httpClient)).toBe('4.0.1');
  });

  it('stands in for all @actions/http-client takes of undici: ProxyAgent, made for getAgentDispatcher alone', () => {
    const imports = sources(httpClient).flatMap(({ text }) =>
      [...text.matchAll(/^import (.*) from 'undici';$/gm)].map((match) => match[1]),
    );
    expect(imports).toEqual(['{ ProxyAgent }']);
    const client = methods(sources(httpClient).find(({ name }) => name === 'index.js')?.text ?? '');
    const making = [...client]
      .filter(([, body]) => body.includes('new ProxyAgent('))
      .map(([n]) => n);
    expect(making).toEqual(['_getProxyAgentDispatcher']);
    const callers = [...client]
      .filter(([, body]) => body.includes('._getProxyAgentDispatcher('))
      .map(([name]) => name);
    expect(callers).toEqual(['getAgentDispatcher']);
  });

  it('is never reached from @actions/core, which makes an HttpClient only for its OIDC token', () => {
    const users = sources(core).filter(({ text }) => text.includes("from '@actions/http-client"));
    expect(users.map(({ name }) => name)).toEqual(['oidc-utils.js']);
    expect(sources(core).some(({ text }) => text.includes('getAgentDispatcher'))).toBe(false);
  });

  it('fails loudly if anything makes a ProxyAgent after all', () => {
    expect(() => new ProxyAgent()).toThrow('The report action bundles no undici');
  });

  it('keeps undici out of dist/, where getAgentDispatcher is left out as unused', () => {
    const dist = readFileSync(join(root, 'dist/index.js'), 'utf8');
    expect(dist).not.toMatch(/undici|llhttp|getAgentDispatcher/);
  });
});
