/**
 * The status slice: who the node is (`node.info`, reloaded on every
 * connection), how big its repo is (`repo.stat`), and collecting garbage
 * (`repo.gc`) with its progress and result.
 */
import { create } from 'zustand'
import { onConnect, requireApi } from '../../lib/connection-store.ts'
import { notifyError } from '../../lib/toasts.ts'
import { status as texts } from '../../texts/status.ts'
import type { Output } from '../../../../node-core/src/api/contract.ts'

/** What a garbage collection removed. */
export interface GcOutcome {
  removed: number
  bytes: number
}

/** The status slice's state. */
export interface StatusState {
  info: Output<'node.info'> | undefined
  stat: Output<'repo.stat'> | undefined
  /** True when the last `repo.stat` failed (and none succeeded since). */
  statFailed: boolean
  /** Set while a collection runs: what it removed so far. */
  gcRunning: GcOutcome | undefined
  /** The last collection's result. */
  gcResult: GcOutcome | undefined
  refreshInfo: () => Promise<void>
  refreshStat: () => Promise<void>
  /** Collect garbage (once at a time), then reload the repo's size. Errors become toasts. */
  collectGarbage: () => Promise<void>
}

const PROGRESS_MS = 100

/** The status slice. */
export const useStatus = create<StatusState>()((set, get) => ({
  info: undefined,
  stat: undefined,
  statFailed: false,
  gcRunning: undefined,
  gcResult: undefined,
  refreshInfo: async () => {
    set({ info: await requireApi().node.info() })
  },
  refreshStat: async () => {
    try {
      set({ stat: await requireApi().repo.stat(), statFailed: false })
    } catch (err) {
      set({ statFailed: true })
      throw err
    }
  },
  collectGarbage: async () => {
    if (get().gcRunning !== undefined) return
    set({ gcRunning: { removed: 0, bytes: 0 }, gcResult: undefined })
    let shownAt = 0
    try {
      const result = await requireApi().repo.gc({}, {
        onProgress: (p) => {
          // A collection reports every block; the page needs a few updates a second.
          const now = Date.now()
          if (now - shownAt < PROGRESS_MS) return
          shownAt = now
          set({ gcRunning: { removed: p.removed, bytes: p.bytes } })
        }
      })
      set({ gcRunning: undefined, gcResult: result })
    } catch (err) {
      set({ gcRunning: undefined })
      notifyError(texts.storage.gcFailed, err)
      return
    }
    await get().refreshStat().catch((err: unknown) => { notifyError(texts.storage.statFailed, err) })
  }
}))

onConnect((api) => {
  const { refreshInfo, refreshStat } = useStatus.getState()
  refreshInfo().catch(() => {})
  refreshStat().catch(() => {})
  // The node collects by itself past its watermark: the size changed.
  return api.on('repo:collected', () => { refreshStat().catch(() => {}) })
})
