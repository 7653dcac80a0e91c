/**
 * The node's state in the top bar: connecting, online with its peer count,
 * or reconnecting.
 */
import { useConnection } from '../lib/connection-store.ts'
import { usePeerCount } from '../features/peers/peer-count.ts'
import { app } from '../texts/app.ts'

/** A dot and a line of text. */
export function NodeBadge () {
  const status = useConnection((s) => s.status)
  const peers = usePeerCount()
  const text = status === 'online' ? app.online(peers) : status === 'reconnecting' ? app.offline : app.connecting
  return (
    <div className={`node-badge ${status}`} role="status" data-testid="node-badge">
      <span className="dot" aria-hidden="true" />
      <span>{text}</span>
    </div>
  )
}
