// Our Noise cipher against @chainsafe/libp2p-noise's own: the same sealed
// bytes for every message size and input shape, the plaintext back, and a
// tampered message or a wrong key refused. (Every Noise connection in the
// other network tests runs through it too, Helia on the other end.)
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { defaultCrypto } from '@chainsafe/libp2p-noise/crypto'
import { Uint8ArrayList } from 'uint8arraylist'
import { noiseCrypto } from '../../src/network/noise-crypto.ts'

const flat = (data: Uint8Array | { subarray: () => Uint8Array }): Uint8Array => data instanceof Uint8Array ? data : data.subarray()
const asList = (bytes: Uint8Array): Uint8ArrayList => {
  const third = Math.floor(bytes.byteLength / 3)
  return new Uint8ArrayList(bytes.subarray(0, third), bytes.subarray(third, 2 * third), bytes.subarray(2 * third))
}

test('seals as Noise does and opens what Noise seals, for every size and shape', () => {
  const k = randomBytes(32)
  const ad = randomBytes(32)
  for (const size of [0, 17, 1199, 1200, 4096, 65_519]) {
    const plaintext = randomBytes(size)
    const nonce = randomBytes(12)
    const expected = flat(defaultCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k))
    for (const input of [plaintext, asList(plaintext)]) {
      const sealed = flat(noiseCrypto.chaCha20Poly1305Encrypt(input as Uint8Array, nonce, ad, k))
      assert.deepEqual(Buffer.from(sealed), Buffer.from(expected), `size ${size}`)
    }
    for (const input of [expected, asList(expected)]) {
      const opened = flat(noiseCrypto.chaCha20Poly1305Decrypt(input as Uint8Array, nonce, ad, k))
      assert.deepEqual(Buffer.from(opened), plaintext, `size ${size}`)
    }
  }
})

test('a tampered message, another key or another nonce is refused', () => {
  const k = randomBytes(32)
  const nonce = randomBytes(12)
  const ad = new Uint8Array(0)
  const sealed = flat(noiseCrypto.chaCha20Poly1305Encrypt(randomBytes(65_519), nonce, ad, k))
  const tampered = Uint8Array.from(sealed)
  tampered[100] = (tampered[100] ?? 0) ^ 1
  assert.throws(() => noiseCrypto.chaCha20Poly1305Decrypt(tampered, nonce, ad, k))
  assert.throws(() => noiseCrypto.chaCha20Poly1305Decrypt(sealed, nonce, ad, randomBytes(32)))
  assert.throws(() => noiseCrypto.chaCha20Poly1305Decrypt(sealed, randomBytes(12), ad, k))
  assert.equal(flat(noiseCrypto.chaCha20Poly1305Decrypt(sealed, nonce, ad, k)).byteLength, 65_519)
})

test('a key array changed in place seals with its new bytes', () => {
  const k = randomBytes(32)
  const nonce = randomBytes(12)
  const ad = new Uint8Array(0)
  const plaintext = randomBytes(4096)
  const first = flat(noiseCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k))
  k[0] = (k[0] ?? 0) ^ 1
  const second = flat(noiseCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k))
  assert.notDeepEqual(Buffer.from(first), Buffer.from(second))
  assert.deepEqual(Buffer.from(second), Buffer.from(flat(defaultCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k))))
})
