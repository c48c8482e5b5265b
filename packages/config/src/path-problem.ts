/** A problem found in the data by the schema, before it is given a file position. */
import type { Path } from './path.js';
import type { Anchor } from './yaml-file.js';

export interface PathProblem {
  path: Path;
  message: string;
  /** Where the finding points: the value (default) or the key that holds it. */
  anchor?: Anchor;
}
