/**
 * Errors of `planetary share` that the command line finds itself, before
 * or after the daemon's part: what is to be sent, and how a followed
 * transfer ended.
 */

/** A path given to `share send` that does not exist, is not a file, folder or symlink, or clashes with another's name. */
export class SendPathError extends Error {
  static override name = 'SendPathError'
  override name = 'SendPathError'
  readonly code = 'ERR_SEND_PATH'
}

/** A transfer followed with `--wait` that ended without being delivered (declined, cancelled, expired, failed). */
export class NotDeliveredError extends Error {
  static override name = 'NotDeliveredError'
  override name = 'NotDeliveredError'
  readonly code = 'ERR_NOT_DELIVERED'
}
