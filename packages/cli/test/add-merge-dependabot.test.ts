/**
 * `ml-cicd add workflow` with the team's own `.github/dependabot.yml`: its text stays as the team
 * wrote it (flow lists, indentation, quotes, comments), ml-cicd's entries come after it, and an
 * entry of the team's that zizmor will report is named, with what to add.
 */
import { assertToolsInstalled, formatReport, validateProject } from '@ml-cicd/validators';
import { beforeAll, describe, expect, it } from 'vitest';
import { add, read, tempDir, write } from './fixtures.js';
import { lockedRequirements, moduleLevel } from './scripts.js';

beforeAll(assertToolsInstalled);

function repoWith(dependabot: string): string {
  const dir = tempDir();
  write(dir, 'train.py', moduleLevel);
  write(dir, 'requirements.txt', lockedRequirements);
  write(dir, '.github/dependabot.yml', dependabot);
  return dir;
}

/** Items at the key's column, a flow list without padding, quoted strings and a comment. */
const compact = `version: 2
updates:
- package-ecosystem: "npm"   # the docs site
  directories: ["/docs", "/site"]
  schedule: {interval: "weekly"}
  cooldown:
    default-days: 7
`;

describe("a dependabot.yml of the team's", () => {
  it('keeps its text as written, adding the missing ecosystems after its entries', async () => {
    const dir = repoWith(compact);
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    const merged = read(dir, '.github/dependabot.yml');
    expect(merged.startsWith(compact)).toBe(true);
    expect(merged.slice(compact.length)).toBe(
      '- package-ecosystem: pip\n  directory: /\n  schedule:\n    interval: weekly\n  cooldown:\n    default-days: 7\n- package-ecosystem: github-actions\n  directories:\n    - /\n    - /.github/actions/*\n  schedule:\n    interval: weekly\n  cooldown:\n    default-days: 7\n',
    );
    expect(formatReport((await validateProject(dir)).findings)).toBe('');
    expect((await add(dir, 'workflow', 'train')).out).toContain(
      'identical .github/dependabot.yml\n',
    );
  });

  it('inserts before what follows the list, at the indentation of its items', async () => {
    const own = `# Ours.\nupdates:\n    -   package-ecosystem: npm\n        directory: /\n        schedule:\n            interval: daily\n        cooldown: { default-days: 10 }\nversion: 2 # last\n`;
    const dir = repoWith(own);
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    const merged = read(dir, '.github/dependabot.yml');
    expect(merged.startsWith(own.slice(0, own.indexOf('version: 2')))).toBe(true);
    expect(merged).toContain('\n    - package-ecosystem: pip\n      directory: /\n');
    expect(merged.endsWith('      default-days: 7\nversion: 2 # last\n')).toBe(true);
    expect(formatReport((await validateProject(dir)).findings)).toBe('');
  });

  it("names the team's entry that zizmor's dependabot-cooldown reports, and what to add", async () => {
    const own =
      'version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    schedule:\n      interval: daily\n  - package-ecosystem: docker\n    directory: /\n    schedule:\n      interval: daily\n    cooldown:\n      default-days: 3\n';
    const dir = repoWith(own);
    const { out } = await add(dir, 'workflow', 'train');
    expect(out).toContain(
      `note: .github/dependabot.yml's pip entry (/) has no cooldown, so zizmor's dependabot-cooldown reports it; add "cooldown: {default-days: 7}" to it, as ml-cicd's entries have, to leave new releases a week to be found out.\n`,
    );
    expect(out).toContain(
      `note: .github/dependabot.yml's docker entry (/) waits 3 days, so zizmor's dependabot-cooldown reports it; add "cooldown: {default-days: 7}" to it, as ml-cicd's entries have, to leave new releases a week to be found out.\n`,
    );
    const report = formatReport((await validateProject(dir)).findings);
    expect(report.match(/dependabot-cooldown/g)).toHaveLength(2);
  });
});
