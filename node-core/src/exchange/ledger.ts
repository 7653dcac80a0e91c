/**
 * What one peer and this node have exchanged, and what the peer wants now.
 */
import type { Want } from './message/message.ts'

/** The most wants kept for one peer (Kubo's MaxQueuedWantlistEntriesPerPeer); more are ignored. */
export const MAX_WANTS_PER_PEER = 1024

/** Counters shown by `bitswap ledger`. */
export interface LedgerStats {
  bytesSent: number
  bytesReceived: number
  blocksSent: number
  blocksReceived: number
  /** Blocks received that nobody wanted (wrong or duplicate). */
  unwantedBlocks: number
  /** Messages that could not be parsed. */
  badMessages: number
}

/** One peer's ledger. */
export class Ledger {
  readonly stats: LedgerStats = { bytesSent: 0, bytesReceived: 0, blocksSent: 0, blocksReceived: 0, unwantedBlocks: 0, badMessages: 0 }
  /** The peer's wants not yet answered, by CID string. */
  readonly wants = new Map<string, Want>()
  /** want-block entries answered with DONT_HAVE: served if the block arrives later. */
  readonly waiting = new Map<string, Want>()
  /** Wants dropped because the list was full. */
  ignoredWants = 0
  /** When the last reply went to the peer (ms since the epoch), and the block bytes it carried. */
  lastReplyAt = 0
  lastReplyBytes = 0

  /** Apply a received wantlist (full replaces, else a delta); true if there is something new to answer. */
  applyWantlist (wants: Want[], full: boolean): boolean {
    if (full) {
      this.wants.clear()
      this.waiting.clear()
    }
    let added = false
    for (const want of wants) {
      const key = want.cid.toString()
      if (want.cancel) {
        this.wants.delete(key)
        this.waiting.delete(key)
        continue
      }
      if (!this.wants.has(key) && this.wants.size + this.waiting.size >= MAX_WANTS_PER_PEER) {
        this.ignoredWants++
        continue
      }
      const existing = this.wants.get(key)
      if (existing !== undefined && existing.wantType === 'block' && want.wantType === 'have') continue
      this.waiting.delete(key)
      this.wants.set(key, want)
      added = true
    }
    return added
  }

  /** Wants in answering order: highest priority first, then oldest. */
  pending (): Want[] {
    return [...this.wants.values()].sort((a, b) => b.priority - a.priority)
  }
}
