/**
 * Sorting the peers table by any column; peers without a value (no
 * latency, no agent, no country) go last either way.
 */
import type { Peer } from '../peers-store.ts'

/** A sortable column. */
export type SortKey = 'peer' | 'address' | 'transport' | 'direction' | 'latency' | 'agent' | 'country'

/** The table's order. */
export interface Sort {
  key: SortKey
  dir: 'asc' | 'desc'
}

/** The columns, in the table's order. */
export const SORT_KEYS: readonly SortKey[] = ['peer', 'address', 'transport', 'direction', 'latency', 'agent', 'country']

function valueOf (peer: Peer, key: SortKey): string | number | undefined {
  switch (key) {
    case 'peer': return peer.peer
    case 'address': return peer.address
    case 'transport': return peer.transport
    case 'direction': return peer.direction
    case 'latency': return peer.latencyMs
    case 'agent': return peer.agent === '' ? undefined : peer.agent
    case 'country': return peer.country ?? (peer.lan ? '~lan' : undefined)
  }
}

/** A sorted copy of `peers` (ties keep the peer ID order, so rows do not jump between refreshes). */
export function sortPeers (peers: readonly Peer[], sort: Sort): Peer[] {
  const sign = sort.dir === 'asc' ? 1 : -1
  return [...peers].sort((a, b) => {
    const va = valueOf(a, sort.key)
    const vb = valueOf(b, sort.key)
    if (va === undefined || vb === undefined) {
      if (va !== vb) return va === undefined ? 1 : -1
    } else if (va !== vb) {
      const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb))
      if (order !== 0) return order * sign
    }
    return a.peer.localeCompare(b.peer) || a.address.localeCompare(b.address)
  })
}

/** The next order after clicking `key`'s header: the same column flips, another starts ascending (latency too). */
export function nextSort (current: Sort, key: SortKey): Sort {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }
}
