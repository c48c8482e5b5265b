import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actions, tagOf, tools, uses } from './versions.js';

const referencePins = JSON.parse(
  readFileSync(new URL('../reference/action-pins.json', import.meta.url), 'utf8'),
) as { actions: Record<string, { sha: string; tag: string; verified: boolean }> };

describe('action pins', () => {
  it.each(Object.entries(actions))('%s matches the verified reference table', (_, pin) => {
    const reference = referencePins.actions[pin.repo];
    expect(reference?.verified).toBe(true);
    expect({ sha: pin.sha, tag: pin.tag }).toEqual({ sha: reference?.sha, tag: reference?.tag });
  });

  it('gives uses: values and their tags', () => {
    expect(uses('checkout')).toBe('actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1');
    expect(tagOf(uses('checkout'))).toBe('v7.0.1');
    expect(tagOf('actions/checkout@v4')).toBeUndefined();
  });

  it('are the pins of every static workflow file', () => {
    const root = fileURLToPath(new URL('../../../workflows/', import.meta.url));
    const files = ['checks.yml', 'actions/train/action.yml'];
    expect(
      readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith('.yml')),
    ).toEqual(expect.arrayContaining(files));
    for (const file of files) {
      const text = readFileSync(`${root}${file}`, 'utf8');
      const pinned = [...text.matchAll(/uses: (\S+@\S+) # (\S+)/g)];
      expect(pinned.length).toBeGreaterThan(0);
      for (const [, value, tag] of pinned) expect(tagOf(value!), `${file}: ${value}`).toBe(tag);
      // Local actions (./.github/actions/…) are the repository's own files, not pinned.
      expect(text.match(/uses: (?!\.\/)/g)?.length).toBe(pinned.length);
    }
  });
});

describe('tool pins', () => {
  it('install the uv release the validators lock pins', () => {
    const lock = readFileSync(
      new URL('../../../tests/validators/requirements.txt', import.meta.url),
      'utf8',
    );
    expect(/^uv==(\S+)/m.exec(lock)?.[1]).toBe(tools.uv);
  });

  it('are the uv version of every static workflow file that sets up uv', () => {
    const root = fileURLToPath(new URL('../../../workflows/', import.meta.url));
    for (const file of ['checks.yml', 'actions/train/action.yml']) {
      const text = readFileSync(`${root}${file}`, 'utf8');
      expect(text, file).toContain(`${uses('setupUv')} # ${actions.setupUv.tag}`);
      expect(text.match(/^\s+version: (\S+)$/m)?.[1], file).toBe(tools.uv);
    }
  });
});
