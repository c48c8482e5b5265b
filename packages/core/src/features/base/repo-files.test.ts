import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answerCombinations } from '../../combinations.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

describe('dependabot.yml', () => {
  it('waits 7 days before every update of every render, so zizmor’s dependabot-cooldown is silent', () => {
    const entries = answerCombinations().flatMap((answers) => {
      const text = buildProject(answers, repoAssets).files.get('.github/dependabot.yml')!;
      return (parse(text) as { updates: Record<string, unknown>[] }).updates;
    });
    expect(entries.map((entry) => entry['package-ecosystem'])).toEqual(
      expect.arrayContaining(['pip', 'github-actions']),
    );
    for (const entry of entries) {
      expect(entry, String(entry['package-ecosystem'])).toMatchObject({
        cooldown: { 'default-days': 7 },
      });
    }
  });
});
