/**
 * Errors of the IPC door.
 */

/**
 * A call from a frame that is not the app's window: another frame, or the
 * window's main frame after it navigated away from the app's URL.
 *
 * The node is never called for it.
 */
export class UntrustedSenderError extends Error {
  static override name = 'UntrustedSenderError'
  override name = 'UntrustedSenderError'
  readonly code = 'ERR_UNTRUSTED_SENDER'
}
