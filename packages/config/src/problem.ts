/** A problem found in the data, before it is given a file position and becomes a finding. */
import type { Path } from './path.js';
import type { Anchor } from './yaml-source.js';

export interface Problem {
  path: Path;
  message: string;
  /** Where the finding points: the value (default) or the key that holds it. */
  anchor?: Anchor;
}
