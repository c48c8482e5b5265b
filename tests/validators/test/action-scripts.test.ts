import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertToolsInstalled, validateProject } from '../src/index.js';
import { cleanProject, removeProjects, writeProject } from './fixtures.js';

const ACTION = '.github/actions/install/action.yml';

function withStep(step: string): Record<string, string> {
  return { ...cleanProject, [ACTION]: `${cleanProject[ACTION]!.trimEnd()}\n${step}` };
}

beforeAll(assertToolsInstalled);
afterAll(removeProjects);

describe('run: scripts of local actions (W28)', () => {
  it('are shellchecked, with the line in the action file', async () => {
    const files = withStep(
      [
        '    - name: Greet',
        '      shell: bash',
        '      run: |',
        '        echo ok',
        '        echo $HOME',
      ].join('\n'),
    );
    const line = files[ACTION]!.split('\n').indexOf('        echo $HOME') + 1;
    const { findings } = await validateProject(await writeProject(files));
    expect(findings).toContainEqual(
      expect.objectContaining({ tool: 'shellcheck', file: ACTION, line, rule: 'SC2086' }),
    );
  });

  it('go through pyflakes when the shell is python', async () => {
    const files = withStep(
      [
        '    - name: Report',
        '      shell: python',
        '      run: |',
        '        import os',
        '        print(missing)',
      ].join('\n'),
    );
    const { findings } = await validateProject(await writeProject(files));
    const messages = findings
      .filter((finding) => finding.tool === 'pyflakes')
      .map((f) => f.message);
    expect(messages).toEqual(["'os' imported but unused", "undefined name 'missing'"]);
  });
});
