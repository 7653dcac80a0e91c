/**
 * The banner shown while the node is unreachable: the page keeps what it
 * showed and reconnects by itself.
 */
import { useConnection } from '../lib/connection-store.ts'
import { app } from '../texts/app.ts'

/** "Disconnected — reconnecting" while the door is closed; nothing otherwise. */
export function ConnectionBanner () {
  const status = useConnection((s) => s.status)
  if (status !== 'reconnecting') return null
  return (
    <div className="banner warning" role="alert" data-testid="disconnected-banner">
      <strong>{app.reconnecting}</strong> <span>{app.reconnectingHint}</span>
    </div>
  )
}
