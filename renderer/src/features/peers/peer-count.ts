/**
 * How many peers are connected, for the top bar.
 */
import { usePeers } from './peers-store.ts'

/** The number of connected peers. */
export function usePeerCount (): number {
  return usePeers((s) => s.peers.length)
}
