/**
 * Ids of transfers, messages and links: 16 random bytes in lowercase
 * base32 without padding (26 characters).
 */
import { randomBytes } from 'node:crypto'
import { base32 } from 'multiformats/bases/base32'

/** A new random id. */
export function newId (): string {
  return base32.baseEncode(randomBytes(16))
}
