/**
 * Whether node:crypto can seal and open ChaCha20-Poly1305 in this runtime.
 *
 * Node's OpenSSL has it; Electron's BoringSSL does not (electron/electron
 * #24024), and there `createCipheriv('chacha20-poly1305', …)` throws. The
 * probe asks the cipher list, then seals and opens a short message with a
 * KeyObject (as the fast path does) and checks the sealed bytes against the
 * pure-JS cipher, so a runtime that lists the cipher but gets it wrong is
 * not trusted either. The answer for this process is worked out once.
 */
import * as nodeCrypto from 'node:crypto'
import { jsChaCha20Poly1305 } from './noise-crypto-js.ts'

/** The cipher's name in node:crypto. */
export const CHACHA20_POLY1305 = 'chacha20-poly1305'

/** The parts of node:crypto the probe uses; a test passes a fake to simulate a runtime without the cipher. */
export type CipherApi = Pick<typeof nodeCrypto, 'getCiphers' | 'createCipheriv' | 'createDecipheriv' | 'createSecretKey'>

/** What the probe found: native, or not and why. */
export type ChaChaSupport = { native: true } | { native: false, reason: string }

const TAG_BYTES = 16

/**
 * Probe `api` (node:crypto by default) for a working ChaCha20-Poly1305.
 *
 * Never throws: any error on the way is the reason it is not native.
 */
export function probeNativeChaCha20Poly1305 (api: CipherApi = nodeCrypto): ChaChaSupport {
  try {
    if (!api.getCiphers().includes(CHACHA20_POLY1305)) return { native: false, reason: `node:crypto does not list ${CHACHA20_POLY1305}` }
    const k = new Uint8Array(32).map((_, i) => i)
    const nonce = new Uint8Array(12).map((_, i) => 255 - i)
    const ad = Uint8Array.of(1, 2, 3)
    const plaintext = new Uint8Array(64).map((_, i) => i * 7)
    const key = api.createSecretKey(k)
    const cipher = api.createCipheriv(CHACHA20_POLY1305, key, nonce, { authTagLength: TAG_BYTES })
    cipher.setAAD(ad, { plaintextLength: plaintext.byteLength })
    const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()])
    const expected = jsChaCha20Poly1305.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k)
    if (!sealed.equals(expected.subarray())) return { native: false, reason: `node:crypto's ${CHACHA20_POLY1305} sealed other bytes than RFC 8439's` }
    const decipher = api.createDecipheriv(CHACHA20_POLY1305, key, nonce, { authTagLength: TAG_BYTES })
    decipher.setAAD(ad, { plaintextLength: plaintext.byteLength })
    decipher.setAuthTag(sealed.subarray(plaintext.byteLength))
    const opened = Buffer.concat([decipher.update(sealed.subarray(0, plaintext.byteLength)), decipher.final()])
    if (!opened.equals(plaintext)) return { native: false, reason: `node:crypto's ${CHACHA20_POLY1305} did not open what it sealed` }
    return { native: true }
  } catch (err) {
    return { native: false, reason: `node:crypto's ${CHACHA20_POLY1305} failed: ${err instanceof Error ? err.message : String(err)}` }
  }
}

let detected: ChaChaSupport | undefined

/** The probe's answer for node:crypto in this process, worked out on first call. */
export function nativeChaCha20Poly1305 (): ChaChaSupport {
  detected ??= probeNativeChaCha20Poly1305()
  return detected
}
