/**
 * Where the shipped Python helpers are. They are copied flat into `dist/` at build, beside the
 * bundled chunks, so the same relative URL works from `src/python/` and from `dist/`.
 */
import { fileURLToPath } from 'node:url';

export const readArgparseScript = fileURLToPath(new URL('./read_argparse.py', import.meta.url));
