/**
 * Noise's ChaCha20-Poly1305 through node:crypto, with each session key
 * turned into a KeyObject once.
 *
 * @chainsafe/libp2p-noise's default hands node:crypto the raw key for every
 * message, and Node 24 spends more setting up a cipher from raw bytes than
 * from a KeyObject: about 250 ms of main-thread time per side over a
 * 256 MiB Bitswap transfer (4096 messages of 64 KiB, `--cpu-prof`), as much
 * as the encryption itself. A sealed message is also handed on as its
 * ciphertext and tag, not copied into one buffer. Small messages (under
 * 1200 bytes) keep Noise's default, which is faster for them.
 *
 * Where node:crypto has no ChaCha20-Poly1305 (Electron's BoringSSL; see
 * chacha-probe.ts) the larger messages go through @noble/ciphers instead
 * (noise-crypto-js.ts), byte for byte the same on the wire, so Noise keeps
 * working there; TLS does not depend on it.
 */
import { createCipheriv, createDecipheriv, createSecretKey } from 'node:crypto'
import { defaultCrypto } from '@chainsafe/libp2p-noise/crypto'
import { Uint8ArrayList } from 'uint8arraylist'
import { nativeChaCha20Poly1305 } from './chacha-probe.ts'
import { jsChaCha20Poly1305 } from './noise-crypto-js.ts'
import type { ChaChaSupport } from './chacha-probe.ts'
import type { ICryptoInterface } from '@chainsafe/libp2p-noise'
import type { KeyObject } from 'node:crypto'

const ALGORITHM = 'chacha20-poly1305'
const TAG_BYTES = 16
/** Below this, Noise's WebAssembly implementation is faster than node:crypto. */
const SMALL_MESSAGE = 1200

/**
 * A CipherState keeps its key array for the session, so a KeyObject is made
 * once per key array; the bytes it was made from are checked on each use,
 * so a key changed in place is never served from the cache.
 */
const keys = new WeakMap<Uint8Array, { bytes: Buffer, key: KeyObject }>()

function keyObject (k: Uint8Array): KeyObject {
  const cached = keys.get(k)
  if (cached !== undefined && cached.bytes.equals(k)) return cached.key
  const key = createSecretKey(k)
  keys.set(k, { bytes: Buffer.from(k), key })
  return key
}

type NoiseList = Exclude<ReturnType<ICryptoInterface['chaCha20Poly1305Encrypt']>, Uint8Array>

/** Noise is typed against uint8arraylist 2; a list of version 3 is the same at run time (both mark it with the same Symbol.for). */
function asNoiseList (list: Uint8ArrayList): NoiseList {
  return list as unknown as NoiseList
}

function chunks (data: Uint8Array | Iterable<Uint8Array>): Iterable<Uint8Array> {
  return data instanceof Uint8Array ? [data] : data
}

/** Noise's crypto with node:crypto's ChaCha20-Poly1305 through KeyObjects. */
const nativeCrypto: ICryptoInterface = {
  ...defaultCrypto,
  chaCha20Poly1305Encrypt (plaintext, nonce, ad, k) {
    if (plaintext.byteLength < SMALL_MESSAGE) return defaultCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k)
    const cipher = createCipheriv(ALGORITHM, keyObject(k), nonce, { authTagLength: TAG_BYTES })
    cipher.setAAD(ad, { plaintextLength: plaintext.byteLength })
    const sealed = new Uint8ArrayList()
    for (const chunk of chunks(plaintext)) sealed.append(cipher.update(chunk))
    sealed.append(cipher.final(), cipher.getAuthTag())
    return asNoiseList(sealed)
  },
  chaCha20Poly1305Decrypt (ciphertext, nonce, ad, k, dst) {
    if (ciphertext.byteLength < SMALL_MESSAGE) return defaultCrypto.chaCha20Poly1305Decrypt(ciphertext, nonce, ad, k, dst)
    const textLength = ciphertext.byteLength - TAG_BYTES
    const decipher = createDecipheriv(ALGORITHM, keyObject(k), nonce, { authTagLength: TAG_BYTES })
    decipher.setAAD(ad, { plaintextLength: textLength })
    decipher.setAuthTag(ciphertext.subarray(textLength))
    if (ciphertext instanceof Uint8Array) {
      const text = decipher.update(ciphertext.subarray(0, textLength))
      const rest = decipher.final()
      return rest.byteLength === 0 ? text : Buffer.concat([text, rest])
    }
    const text = new Uint8ArrayList()
    for (const chunk of ciphertext.sublist(0, textLength)) text.append(decipher.update(chunk))
    text.append(decipher.final())
    return asNoiseList(text)
  }
}

/** Noise's crypto with @noble/ciphers' ChaCha20-Poly1305 for the messages the native path would take. */
const fallbackCrypto: ICryptoInterface = {
  ...defaultCrypto,
  chaCha20Poly1305Encrypt (plaintext, nonce, ad, k) {
    if (plaintext.byteLength < SMALL_MESSAGE) return defaultCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k)
    return jsChaCha20Poly1305.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k)
  },
  chaCha20Poly1305Decrypt (ciphertext, nonce, ad, k, dst) {
    if (ciphertext.byteLength < SMALL_MESSAGE) return defaultCrypto.chaCha20Poly1305Decrypt(ciphertext, nonce, ad, k, dst)
    return jsChaCha20Poly1305.chaCha20Poly1305Decrypt(ciphertext, nonce, ad, k)
  }
}

/** Options for {@link createNoiseCrypto}. */
export interface NoiseCryptoInit {
  /** Whether node:crypto's ChaCha20-Poly1305 works here; defaults to this process's probe (asked once). A test passes `() => ({ native: false, reason })` to take the fallback. */
  probe?: () => ChaChaSupport
}

/**
 * Noise's crypto for this runtime.
 *
 * node:crypto's ChaCha20-Poly1305 when the probe finds it working, else the
 * pure-JS one; both seal the same bytes, so either side of a connection may
 * use either.
 */
export function createNoiseCrypto (init: NoiseCryptoInit = {}): ICryptoInterface {
  return (init.probe ?? nativeChaCha20Poly1305)().native ? nativeCrypto : fallbackCrypto
}

/** Noise's crypto for this process (transports.ts hands it to every Noise connection). */
export const noiseCrypto: ICryptoInterface = createNoiseCrypto()
