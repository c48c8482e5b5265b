import { access, constants } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const cache = fileURLToPath(new URL('../../../.cache/', import.meta.url));
const venvBin = `${cache}tools-venv/bin/`;

/** Absolute paths of the executables `pnpm setup:tools` installs. */
export const tools = {
  actionlint: `${cache}bin/actionlint`,
  zizmor: `${venvBin}zizmor`,
  checkJsonschema: `${venvBin}check-jsonschema`,
  python: `${venvBin}python`,
  shellcheck: `${venvBin}shellcheck`,
  pyflakes: `${venvBin}pyflakes`,
} as const;

export async function assertToolsInstalled(): Promise<void> {
  for (const path of Object.values(tools)) {
    try {
      await access(path, constants.X_OK);
    } catch {
      throw new Error(
        `The workflow validators are not installed (${path} is missing): run \`pnpm setup:tools\` from the repository root.`,
      );
    }
  }
}
