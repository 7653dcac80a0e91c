/**
 * What every inbound share message passes before it is read: its clock
 * within the replay window, its id not seen before (within the window), and
 * its peer under the message and offer rates. Memory is bounded: ids older
 * than the window are forgotten, and at most MAX_IDS are kept.
 */
import { ShareRateLimitError, ShareReplayError } from './errors.ts'
import { MESSAGES_PER_MINUTE, MESSAGE_WINDOW_MS, OFFERS_PER_MINUTE } from './limits.ts'

const MAX_IDS = 50_000
const MINUTE = 60_000

/** Replay and rate checks for inbound messages. */
export class MessageGuard {
  readonly #seen = new Map<string, number>()
  readonly #rates = new Map<string, { messages: number[], offers: number[] }>()
  readonly #now: () => number

  constructor (now: () => number = Date.now) {
    this.#now = now
  }

  /** Throws ShareReplayError or ShareRateLimitError; otherwise records the message. */
  admit (peer: string, message: { id: string, sentAt: number, type: string }): void {
    const now = this.#now()
    if (Math.abs(now - message.sentAt) > MESSAGE_WINDOW_MS) throw new ShareReplayError(`a ${message.type} message from ${Math.round((now - message.sentAt) / 1000)} s ago is outside the ${MESSAGE_WINDOW_MS / 60_000}-minute window (is a clock wrong?)`)
    const key = `${peer}/${message.id}`
    if (this.#seen.has(key)) throw new ShareReplayError(`message ${message.id} was already received`)
    const rate = this.#rates.get(peer) ?? { messages: [], offers: [] }
    this.#rates.set(peer, rate)
    rate.messages = rate.messages.filter((t) => now - t < MINUTE)
    if (rate.messages.length >= MESSAGES_PER_MINUTE) throw new ShareRateLimitError(`more than ${MESSAGES_PER_MINUTE} messages a minute`)
    if (message.type === 'offer') {
      rate.offers = rate.offers.filter((t) => now - t < MINUTE)
      if (rate.offers.length >= OFFERS_PER_MINUTE) throw new ShareRateLimitError(`more than ${OFFERS_PER_MINUTE} offers a minute`)
      rate.offers.push(now)
    }
    rate.messages.push(now)
    this.#seen.set(key, now)
    this.#forget(now)
  }

  #forget (now: number): void {
    for (const [key, at] of this.#seen) {
      if (now - at <= MESSAGE_WINDOW_MS && this.#seen.size <= MAX_IDS) break
      this.#seen.delete(key)
    }
    for (const [peer, rate] of this.#rates) if (rate.messages.every((t) => now - t >= MINUTE)) this.#rates.delete(peer)
  }
}
