/**
 * Errors of the command line itself.
 */

/** Unknown verb or flag, wrong number of arguments, bad flag value. */
export class UsageError extends Error {
  static override name = 'UsageError'
  override name = 'UsageError'
  readonly code = 'ERR_USAGE'
}

/** A verb that needs a running daemon, with none running. */
export class DaemonNotRunningError extends Error {
  static override name = 'DaemonNotRunningError'
  override name = 'DaemonNotRunningError'
  readonly code = 'ERR_DAEMON_NOT_RUNNING'
}

/** A network request that got no answer or was refused (a ping with no reply, an oversized record). */
export class RequestFailedError extends Error {
  static override name = 'RequestFailedError'
  override name = 'RequestFailedError'
  readonly code = 'ERR_REQUEST_FAILED'
}

/** `dag import` roots that could not be pinned (their DAG is not all in the repo). */
export class UnpinnedRootsError extends Error {
  static override name = 'UnpinnedRootsError'
  override name = 'UnpinnedRootsError'
  readonly code = 'ERR_UNPINNED_ROOTS'
}
