/**
 * The cookie a right PIN earns: `<expiry>.<HMAC-SHA256 of link id and
 * expiry>` under a secret made when the server object is, so it opens one
 * link, until it expires or the process ends. HttpOnly, SameSite=Strict,
 * scoped to the link's path; MACs compared in constant time.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const NAME = 'planetary-link'
const MAC = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/

/** Issues and checks the cookies of one server. */
export class LinkCookies {
  readonly #secret = randomBytes(32)
  readonly #maxAgeS: number

  /** Cookies that last `maxAgeS` seconds (default 12 hours). */
  constructor (maxAgeS = 12 * 3600) {
    this.#maxAgeS = maxAgeS
  }

  /** The `Set-Cookie` value that opens link `linkId` under `path`. */
  issue (linkId: string, path: string): string {
    const expires = Math.floor(Date.now() / 1000) + this.#maxAgeS
    return `${NAME}=${expires}.${this.#mac(linkId, expires).toString('base64url')}; Path=${path}; Max-Age=${this.#maxAgeS}; HttpOnly; SameSite=Strict`
  }

  /** True when the `Cookie` header holds a cookie, not expired, that this server issued for `linkId`. */
  opens (linkId: string, header: string | undefined): boolean {
    if (header === undefined || header.length > 8192) return false
    const now = Date.now() / 1000
    for (const pair of header.split(';')) {
      const at = pair.indexOf('=')
      if (at === -1 || pair.slice(0, at).trim() !== NAME) continue
      const match = MAC.exec(pair.slice(at + 1).trim())
      if (match === null) continue
      const expires = Number(match[1])
      const given = Buffer.from(match[2] ?? '', 'base64url')
      if (expires > now && timingSafeEqual(given, this.#mac(linkId, expires))) return true
    }
    return false
  }

  #mac (linkId: string, expires: number): Buffer {
    return createHmac('sha256', this.#secret).update(`${linkId}.${expires}`).digest()
  }
}
