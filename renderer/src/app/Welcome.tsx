/**
 * The first screen's word on the node, for a new user's empty Files: that
 * the node runs, and how many peers share the local network.
 */
import { useConnection } from '../lib/connection-store.ts'
import { usePeers } from '../features/peers/peers-store.ts'
import { app } from '../texts/app.ts'

/** "Your node is running. N peers on your local network." */
export function Welcome () {
  const status = useConnection((s) => s.status)
  const online = status === 'online'
  const lan = usePeers((s) => new Set(s.peers.filter((p) => p.lan).map((p) => p.peer)).size)
  // Lost: the banner says so, and nothing here should claim the node is starting.
  if (status === 'reconnecting') return null
  return (
    <p className="welcome" data-testid="welcome">
      {online ? <><strong>{app.welcome.running}</strong> {app.welcome.lan(lan)}</> : app.welcome.connecting}
    </p>
  )
}
