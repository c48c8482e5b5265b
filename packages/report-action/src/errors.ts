/** A mistake in the action's inputs or the files they name: one sentence, shown as the step's failure. */
export class InputError extends Error {
  override name = 'InputError';
}
