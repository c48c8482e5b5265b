// Pre-commit checks of the staged work: formatting, and the types of each package it touches.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The workspace package (folder with a tsconfig.json) that holds `file`. */
function packageOf(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'tsconfig.json')) && existsSync(join(dir, 'package.json'))) return dir;
  }
  return undefined;
}

export default {
  '*.{ts,mjs,js,json,md,yml,yaml}': 'prettier --write',
  '*.ts': (files) => {
    const packages = new Set(files.map(packageOf).filter(Boolean));
    return [...packages].map(
      (dir) => `npm run --silent --prefix ${relative(process.cwd(), dir) || '.'} typecheck`,
    );
  },
};
