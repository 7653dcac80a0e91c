/**
 * Errors of the command line itself.
 */

/** Unknown verb or flag, wrong number of arguments, bad flag value. */
export class UsageError extends Error {
  static override name = 'UsageError'
  override name = 'UsageError'
  readonly code = 'ERR_USAGE'
}
