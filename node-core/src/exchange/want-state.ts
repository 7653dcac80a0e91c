/**
 * One block this node wants: who waits for it, which peers were asked for
 * it and how, and what they answered.
 */
import type { Session } from './session.ts'
import type { CID } from 'multiformats/cid'

/** A caller waiting for the block. */
export interface Waiter {
  resolve(bytes: Uint8Array): void
  reject(err: Error): void
}

/** The state of one want. */
export class WantState {
  readonly cid: CID
  readonly waiters = new Set<Waiter>()
  readonly sessions = new Set<Session>()
  /** Peers sent a want-block, with when. */
  readonly askedBlock = new Map<string, number>()
  /** Peers sent a want-have. */
  readonly askedHave = new Set<string>()
  /** Peers that said HAVE and were not asked for the block yet. */
  readonly haves = new Set<string>()
  readonly dontHaves = new Set<string>()
  /** Peers asked for the block that let the want time out (counted in `dontHaves` too): asked again when no one else is left. */
  readonly silent = new Set<string>()
  timer: ReturnType<typeof setTimeout> | undefined
  /** When the want began waiting for peers being identified, if it did. */
  identifyWaitSince: number | undefined

  constructor (cid: CID) {
    this.cid = cid
  }

  /** Every peer asked, either way. */
  asked (): Set<string> {
    return new Set([...this.askedBlock.keys(), ...this.askedHave])
  }

  /** True when everyone asked has said DONT_HAVE (and someone was asked). */
  exhausted (): boolean {
    const asked = this.asked()
    return asked.size > 0 && [...asked].every((p) => this.dontHaves.has(p))
  }
}
