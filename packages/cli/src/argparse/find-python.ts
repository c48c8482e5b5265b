/**
 * The interpreters to try, in order: `--python` alone when given, else `python3` and `python` on
 * the PATH. Never one found in the repository (a committed `.venv/bin/python` is the repository's
 * code): a project's own interpreter is used only when the caller names it with `--python`.
 */
export function pythonCandidates(explicit?: string): string[] {
  return explicit ? [explicit] : ['python3', 'python'];
}
