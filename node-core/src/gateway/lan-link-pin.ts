/**
 * The LAN link's PIN throttle, per client IP and link: one guess at a time;
 * each wrong PIN answered only after a delay that doubles with every wrong
 * one in the window (1 s, 2 s, 4 s … capped at 30 s); and after 10 wrong in
 * 10 minutes, every guess refused for 15 minutes without being checked.
 * A right PIN clears the count. The table forgets quiet clients, and past
 * 10,000 clients at once it refuses new ones rather than grow.
 */

/** How hard the throttle is. */
export interface PinThrottleInit {
  /** Delay of the first wrong PIN; each next doubles it. Default 1 s. */
  baseDelayMs?: number
  /** Longest delay. Default 30 s. */
  maxDelayMs?: number
  /** Wrong PINs in the window that lock the client out. Default 10. */
  maxFailures?: number
  /** Default 10 minutes. */
  windowMs?: number
  /** How long a lockout lasts. Default 15 minutes. */
  lockMs?: number
}

/** What a guess may do now. */
export type PinTurn =
  /** Locked out, or another guess from the same client is being answered: refuse (429) without checking. */
  | { kind: 'refused', retryAfterMs: number }
  /** Check the PIN, then `finish` with the outcome (always, also when the check failed). */
  | { kind: 'check', finish: (right: boolean | undefined) => Promise<'right' | 'wrong' | 'locked' | 'unchecked'> }

interface Client {
  failures: number[]
  lockedUntil: number
  busy: boolean
}

const MAX_CLIENTS = 10_000

/** The throttle of one server. */
export class PinThrottle {
  readonly #baseDelayMs: number
  readonly #maxDelayMs: number
  readonly #maxFailures: number
  readonly #windowMs: number
  readonly #lockMs: number
  readonly #clients = new Map<string, Client>()

  constructor (init: PinThrottleInit = {}) {
    this.#baseDelayMs = init.baseDelayMs ?? 1000
    this.#maxDelayMs = init.maxDelayMs ?? 30_000
    this.#maxFailures = init.maxFailures ?? 10
    this.#windowMs = init.windowMs ?? 10 * 60_000
    this.#lockMs = init.lockMs ?? 15 * 60_000
  }

  /** The turn of a guess by `ip` at link `linkId`. */
  begin (ip: string, linkId: string): PinTurn {
    const now = Date.now()
    const key = `${ip} ${linkId}`
    let client = this.#clients.get(key)
    if (client === undefined) {
      if (this.#clients.size >= MAX_CLIENTS) this.#forgetQuiet(now)
      if (this.#clients.size >= MAX_CLIENTS) return { kind: 'refused', retryAfterMs: this.#windowMs }
      client = { failures: [], lockedUntil: 0, busy: false }
      this.#clients.set(key, client)
    }
    if (client.lockedUntil > now) return { kind: 'refused', retryAfterMs: client.lockedUntil - now }
    if (client.busy) return { kind: 'refused', retryAfterMs: this.#baseDelayMs }
    client.busy = true
    const held = client
    return { kind: 'check', finish: async (right) => await this.#finish(key, held, right) }
  }

  async #finish (key: string, client: Client, right: boolean | undefined): Promise<'right' | 'wrong' | 'locked' | 'unchecked'> {
    try {
      if (right === undefined) return 'unchecked'
      const now = Date.now()
      if (right) {
        this.#clients.delete(key)
        return 'right'
      }
      client.failures = client.failures.filter((at) => at > now - this.#windowMs)
      client.failures.push(now)
      if (client.failures.length >= this.#maxFailures) {
        client.lockedUntil = now + this.#lockMs
        return 'locked'
      }
      const delay = Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** (client.failures.length - 1))
      await new Promise((resolve) => setTimeout(resolve, delay))
      return 'wrong'
    } finally {
      client.busy = false
    }
  }

  #forgetQuiet (now: number): void {
    for (const [key, client] of this.#clients) {
      if (!client.busy && client.lockedUntil <= now && client.failures.every((at) => at <= now - this.#windowMs)) this.#clients.delete(key)
    }
  }
}
