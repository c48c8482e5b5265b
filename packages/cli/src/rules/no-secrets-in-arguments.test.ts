import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';
import { train, withTrainingSecret } from '../../test/secrets.js';

const step = (run: string) =>
  `      - name: Register the run\n        shell: bash\n        run: |\n          ${run}\n`;

describe('no-secrets-in-arguments', () => {
  it('reports a secret variable passed as an argument, at the expansion', async () => {
    const dir = await project();
    withTrainingSecret(
      dir,
      step('curl --fail --header "Authorization: Bearer $TRACKING_TOKEN" https://tracking.example'),
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, '$TRACKING_TOKEN')}: error [no-secrets-in-arguments] $TRACKING_TOKEN holds secrets.TRACKING_TOKEN and becomes an argument of curl, which other processes on the runner can read; let the program read it from its environment, or pipe it on stdin.`,
    ]);
  });

  it('accepts a secret piped on stdin by a shell builtin', async () => {
    const dir = await project();
    withTrainingSecret(
      dir,
      step('echo "$TRACKING_TOKEN" | docker login --password-stdin registry.example'),
    );
    expect(await printed(dir)).toEqual([]);
  });

  it('accepts a secret in a here-document, which the command reads on stdin, and still checks after it', async () => {
    const dir = await project();
    withTrainingSecret(
      dir,
      step(
        [
          'cat > .dvc/config.local <<EOF',
          '          [\'remote "storage"\']',
          '              password = $TRACKING_TOKEN',
          '          EOF',
          "          cat <<-'END'",
          '          \tuser = ${TRACKING_TOKEN}',
          '          \tEND',
          '          tool --token "$TRACKING_TOKEN"',
        ].join('\n'),
      ),
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, '$TRACKING_TOKEN"')}: error [no-secrets-in-arguments] $TRACKING_TOKEN holds secrets.TRACKING_TOKEN and becomes an argument of tool, which other processes on the runner can read; let the program read it from its environment, or pipe it on stdin.`,
    ]);
  });

  it("reports a secret in an action's args: input", async () => {
    const dir = await project();
    withTrainingSecret(dir);
    edit(
      dir,
      train,
      '            --seed=${{ inputs.seed }}\n',
      '            --seed=${{ inputs.seed }}\n            --token=${{ secrets.TRACKING_TOKEN }}\n',
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'secrets.TRACKING_TOKEN', 1)}: error [no-secrets-in-arguments] secrets.TRACKING_TOKEN is passed in with: args, which becomes a command-line argument that other processes on the runner can read; pass it through env: instead.`,
    ]);
  });

  it("reports a secret in the train action's list-args and extra-args inputs", async () => {
    const dir = await project();
    withTrainingSecret(dir);
    edit(
      dir,
      train,
      '          extra-args: ${{ inputs.extra-args }}\n',
      '          list-args: --tokens ${{ secrets.TRACKING_TOKEN }}\n          extra-args: ${{ secrets.TRACKING_TOKEN }}\n',
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'secrets.TRACKING_TOKEN', 1)}: error [no-secrets-in-arguments] secrets.TRACKING_TOKEN is passed in with: list-args, which becomes a command-line argument that other processes on the runner can read; pass it through env: instead.`,
      `${at(dir, train, 'secrets.TRACKING_TOKEN', 2)}: error [no-secrets-in-arguments] secrets.TRACKING_TOKEN is passed in with: extra-args, which becomes a command-line argument that other processes on the runner can read; pass it through env: instead.`,
    ]);
  });

  it('is turned off by rules: {no-secrets-in-arguments: off}', async () => {
    const dir = await project();
    withTrainingSecret(dir, step('tool --token "${TRACKING_TOKEN}"'));
    turnOff(dir, 'no-secrets-in-arguments');
    expect(await printed(dir)).toEqual([]);
  });
});
