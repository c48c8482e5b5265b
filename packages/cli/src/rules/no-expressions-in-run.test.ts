import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';
const afterCheckout = '          persist-credentials: false\n';

function addStep(dir: string, step: string): void {
  edit(dir, train, afterCheckout, `${afterCheckout}${step}`);
}

describe('no-expressions-in-run', () => {
  it('reports each expression of a run script, where it is', async () => {
    const dir = await project();
    addStep(
      dir,
      '      - name: Show the inputs\n        shell: bash\n        run: |\n          echo "criterion: ${{ inputs.criterion }}"\n          echo "seed: ${{ inputs.seed }}"\n',
    );
    const message = (text: string) =>
      `${text} inside run: is pasted into the code before it runs, so a crafted value becomes code; pass it through the step's env: and use "$NAME".`;
    expect(await printed(dir)).toEqual([
      `${at(dir, train, '${{ inputs.criterion }}"')}: error [no-expressions-in-run] ${message('${{ inputs.criterion }}')}`,
      `${at(dir, train, '${{ inputs.seed }}"')}: error [no-expressions-in-run] ${message('${{ inputs.seed }}')}`,
    ]);
  });

  it('reports an expression in the script of actions/github-script', async () => {
    const dir = await project();
    addStep(
      dir,
      `      - name: Comment\n        uses: actions/github-script@${'f'.repeat(40)} # v8.0.0\n        with:\n          script: console.log("\${{ github.head_ref }}")\n`,
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, '${{ github.head_ref }}')}: error [no-expressions-in-run] \${{ github.head_ref }} inside script: is pasted into the code before it runs, so a crafted value becomes code; pass it through the step's env: and use process.env.NAME.`,
    ]);
  });

  it('accepts expressions in env:, passed to the script as variables', async () => {
    const dir = await project();
    addStep(
      dir,
      '      - name: Show the inputs\n        shell: bash\n        env:\n          CRITERION: ${{ inputs.criterion }}\n        run: echo "$CRITERION"\n',
    );
    expect(await printed(dir)).toEqual([]);
  });

  it('is turned off by rules: {no-expressions-in-run: off}', async () => {
    const dir = await project();
    addStep(
      dir,
      '      - name: Show\n        shell: bash\n        run: echo "${{ inputs.seed }}"\n',
    );
    turnOff(dir, 'no-expressions-in-run');
    expect(await printed(dir)).toEqual([]);
  });
});
