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

/** The peers slice's state. */
export interface PeersState {
  peers: Peer[]
  /** False until the first list arrived. */
  loaded: boolean
  refresh: () => Promise<void>
}

/** The peers slice. */
export const usePeers = create<PeersState>()((set) => ({
  peers: [],
  loaded: false,
  refresh: async () => {
    const { peers } = await requireApi().peers.list()
    set({ peers, loaded: true })
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
