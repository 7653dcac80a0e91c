/**
 * The explore slice: the IPLD node at the page's path (`dag.get`), or the
 * node's named error for it. A new path cancels the call for the last one,
 * so a slow fetch never overwrites what the user opened after it.
 */
import { create } from 'zustand'
import { requireApi } from '../../lib/connection-store.ts'
import type { Output } from '../../../../node-core/src/api/contract.ts'

/** One IPLD node as `dag.get` describes it. */
export type DagNode = Output<'dag.get'>

/** The explore slice's state. */
export interface ExploreState {
  /** The path shown (or being loaded); undefined before any. */
  path: string | undefined
  node: DagNode | undefined
  /** The error for `path`: `{name, message}` as the node sent it. */
  error: unknown
  loading: boolean
  /** Load `path` (cancelling the load before); never rejects: failures land in `error`. */
  load: (path: string) => Promise<void>
  /** Stop loading, keeping the path. */
  cancel: () => void
}

let controller: AbortController | undefined

/** The explore slice. */
export const useExplore = create<ExploreState>()((set, get) => ({
  path: undefined,
  node: undefined,
  error: undefined,
  loading: false,
  load: async (path) => {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    set({ path, node: get().path === path ? get().node : undefined, error: undefined, loading: true })
    try {
      const node = await requireApi().dag.get({ path }, { signal: mine.signal })
      if (controller === mine) set({ node, loading: false })
    } catch (err) {
      if (controller === mine) set({ node: undefined, error: err, loading: false })
    } finally {
      if (controller === mine) controller = undefined
    }
  },
  cancel: () => {
    controller?.abort()
  }
}))
