/** Reads a training entry point's argparse flags without running the training. */
export {
  describeEntryPoint,
  findEntryPoint,
  projectScripts,
  type EntryOverride,
} from './entry-point.js';
export { pythonCandidates } from './find-python.js';
export {
  acceptedTypes,
  isPositional,
  isSwitch,
  optionOf,
  paramNameOf,
  paramTypeOf,
  passedOnlyWhenSet,
  takesList,
  takesSeveral,
} from './param-type.js';
export { isHydraApp, readArgparse, type ReadOptions } from './read.js';
export type * from './types.js';
