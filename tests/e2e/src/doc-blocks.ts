/**
 * The shell blocks of the user docs. Each says what it is in its fence: ```sh test (the docs test
 * runs it, with the blocks before it in the same page, as a reader would) or ```sh manual: <why>
 * (it needs GitHub, a cloud account or a choice of the reader's).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './paths.js';

export interface ShellBlock {
  /** Relative to the repository, with the block's first line: `docs/guide/dvc.md:12`. */
  where: string;
  file: string;
  tag: 'test' | 'manual' | undefined;
  reason: string;
  code: string;
}

const shellLanguages = new Set(['sh', 'bash', 'shell', 'console']);

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The pages a user reads: the README, docs/, and each published package's README. */
export function userDocs(): string[] {
  const packages = readdirSync(join(repoRoot, 'packages')).map((name) =>
    join(repoRoot, 'packages', name, 'README.md'),
  );
  return [
    join(repoRoot, 'README.md'),
    ...markdownUnder(join(repoRoot, 'docs')),
    ...packages.filter((path) => existsSync(path)),
  ];
}

export function shellBlocks(path: string): ShellBlock[] {
  const file = relative(repoRoot, path);
  const lines = readFileSync(path, 'utf8').split('\n');
  const blocks: ShellBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)(`{3,})(\w*)[ \t]*(.*)$/.exec(lines[index]!);
    if (!open) continue;
    const [, indent, fence, language, info] = open as unknown as string[];
    const close = lines.findIndex((line, at) => at > index && line.trim() === fence);
    const end = close === -1 ? lines.length : close;
    if (shellLanguages.has(language!)) {
      const manual = /^manual:\s*(\S.*)$/.exec(info!);
      blocks.push({
        where: `${file}:${index + 1}`,
        file,
        tag: info === 'test' ? 'test' : manual ? 'manual' : undefined,
        reason: manual?.[1] ?? '',
        code: lines
          .slice(index + 1, end)
          .map((line) => line.slice(indent!.length))
          .join('\n'),
      });
    }
    index = end;
  }
  return blocks;
}
