/**
 * How many peers are connected, for the top bar.
 */
import { usePeers } from './peers-store.ts'
import { uniquePeers } from './unique-peers.ts'

/** The number of connected peers, each counted once however many connections it has. */
export function usePeerCount (): number {
  return usePeers((s) => uniquePeers(s.peers).length)
}
