/**
 * Errors of sharing shown as toasts, in the share texts' words (then the
 * app's), never a stack.
 */
import { notifyError } from '../../lib/toasts.ts'
import { shareErrorText } from '../../texts/share.ts'

/** Show that `what` failed, and why, in words. */
export function notifyShareError (what: string, err: unknown): void {
  // A name no text knows, so the toast says exactly the share text.
  notifyError(what, { name: 'ShareFailure', message: shareErrorText(err) })
}
