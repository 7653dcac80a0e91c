/**
 * Errors of attaching to a running daemon.
 */

/**
 * The daemon holding the repo cannot be used through its API: no address
 * or token recorded in the repo, nothing answering at the address, the
 * bridge refusing, or no answer in time. The message says which.
 */
export class DaemonNotReachableError extends Error {
  static override name = 'DaemonNotReachableError'
  override name = 'DaemonNotReachableError'
  readonly code = 'ERR_DAEMON_NOT_REACHABLE'
}
