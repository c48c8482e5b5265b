import type { UserConfig } from 'tsdown';

/** Shared build settings: one ESM entry per package, for the Node versions we support. */
export const base: UserConfig = {
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: false,
  clean: true,
};
