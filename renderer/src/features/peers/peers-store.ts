/**
 * The peers slice: the connected peers as `peers.list` gives them,
 * reloaded when a peer connects or leaves (coalesced) and every few
 * seconds for latency, while the page is visible.
 */
import { create } from 'zustand'
import { onConnect, requireApi } from '../../lib/connection-store.ts'
import type { Output } from '../../../../node-core/src/api/contract.ts'

/** One connected peer. */
export type Peer = Output<'peers.list'>['peers'][number]

/** The Peers page's views. */
export type PeersView = 'world' | 'network'

/** The peers slice's state. */
export interface PeersState {
  peers: Peer[]
  /** The view the Peers page shows (kept while the user visits other pages). */
  view: PeersView
  setView: (view: PeersView) => void
  /** False until the first list arrived. */
  loaded: boolean
  refresh: () => Promise<void>
  /** Dial `address` (a multiaddr with /p2p/), then reload the list; resolves to the peer's ID, rejects with the node's error. */
  connect: (address: string) => Promise<string>
}

/** The peers slice. */
export const usePeers = create<PeersState>()((set) => ({
  peers: [],
  view: 'world',
  setView: (view) => { set({ view }) },
  loaded: false,
  refresh: async () => {
    const { peers } = await requireApi().peers.list()
    set({ peers, loaded: true })
  },
  connect: async (address) => {
    const { peer } = await requireApi().peers.connect({ address })
    await usePeers.getState().refresh().catch(() => {})
    return peer
  }
}))

const POLL_MS = 5000

onConnect((api) => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const soon = (delay = 150): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
        soon(POLL_MS)
        return
      }
      usePeers.getState().refresh().catch(() => {}).finally(() => { soon(POLL_MS) })
    }, delay)
  }
  soon(0)
  const offs = [api.on('peer:connected', () => { soon() }), api.on('peer:disconnected', () => { soon() })]
  return () => {
    clearTimeout(timer)
    for (const off of offs) off()
  }
})
