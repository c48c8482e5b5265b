// node-plop loads a plopfile with import(), and Node 20 cannot import TypeScript: tsx compiles
// src/ for this one import (no NODE_OPTIONS, no build step, the same under plop and vitest).
import { tsImport } from 'tsx/esm/api';

const { default: plopfile } = await tsImport('./src/plopfile.ts', import.meta.url);

export default plopfile;
