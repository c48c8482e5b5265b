import { describe, expect, it } from 'vitest';
import { UsageError } from '../../errors.js';
import { resolveAnswers } from '../../options.js';

describe('--runner hosted --hosted-label', () => {
  it.each(['self-hosted', 'Self-Hosted', 'linux', 'X64', 'arm64'])(
    'refuses %s, a label every self-hosted runner has, which would send training to one',
    (label) => {
      const resolve = () => resolveAnswers({ runner: 'hosted', hostedLabel: label }, 'my-project');
      expect(resolve).toThrow(UsageError);
      expect(resolve).toThrow(
        `--hosted-label: "${label}" is a label of self-hosted runners, so training would run on one unguarded; use --runner self-hosted for your own machine, or name a GitHub-hosted image such as ubuntu-24.04 or a larger runner.`,
      );
    },
  );

  it('takes a named image or a larger runner of the organisation', () => {
    for (const label of ['ubuntu-24.04', 'gpu-4core']) {
      expect(
        resolveAnswers({ runner: 'hosted', hostedLabel: label }, 'my-project').hostedLabel,
      ).toBe(label);
    }
  });
});
