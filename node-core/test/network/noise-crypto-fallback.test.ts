// A runtime without node:crypto's ChaCha20-Poly1305 (Electron's BoringSSL),
// simulated by injecting the probe: the probe says why, the pure-JS cipher
// seals byte for byte what the native one does, and real Noise connections
// carry bytes both ways with the fallback on one side or both, and refuse a
// tampered message.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as nodeCrypto from 'node:crypto'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { tcp } from '@libp2p/tcp'
import { createLibp2p } from 'libp2p'
import { Uint8ArrayList } from 'uint8arraylist'
import { waitFor } from '../helpers/nodes.ts'
import { probeNativeChaCha20Poly1305 } from '../../src/network/chacha-probe.ts'
import { createNoiseCrypto, noiseCrypto } from '../../src/network/noise-crypto.ts'
import type { ChaChaSupport } from '../../src/network/chacha-probe.ts'
import type { ICryptoInterface } from '@chainsafe/libp2p-noise'
import type { Libp2p } from 'libp2p'

const NO_NATIVE = (): ChaChaSupport => ({ native: false, reason: 'simulated: no chacha20-poly1305' })
const NATIVE = (): ChaChaSupport => ({ native: true })
const ECHO = '/planetary-test/echo/1.0.0'
const flat = (data: { subarray: () => Uint8Array }): Uint8Array => data.subarray()
const asList = (bytes: Uint8Array): Uint8ArrayList => {
  const third = Math.floor(bytes.byteLength / 3)
  return new Uint8ArrayList(bytes.subarray(0, third), bytes.subarray(third, 2 * third), bytes.subarray(2 * third))
}

test('the probe finds node:crypto\'s cipher here, and says why not where it is missing or broken', () => {
  assert.deepEqual(probeNativeChaCha20Poly1305(), { native: true })
  const unlisted = probeNativeChaCha20Poly1305({ ...nodeCrypto, getCiphers: () => ['aes-256-gcm'] })
  assert.deepEqual(unlisted, { native: false, reason: 'node:crypto does not list chacha20-poly1305' })
  // BoringSSL: listed or not, creating the cipher throws.
  const throwing = probeNativeChaCha20Poly1305({ ...nodeCrypto, createCipheriv: () => { throw new Error('Unknown cipher') } })
  assert.equal(throwing.native, false)
  assert.match(throwing.native ? '' : throwing.reason, /failed: Unknown cipher/)
  // Listed, but sealing with another algorithm: the known answer catches it.
  const wrong = probeNativeChaCha20Poly1305({ ...nodeCrypto, createCipheriv: ((_: string, key: nodeCrypto.KeyObject, iv: Uint8Array) => nodeCrypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 })) as never })
  assert.equal(wrong.native, false)
  assert.equal(createNoiseCrypto({ probe: NATIVE }), noiseCrypto, 'this process takes the native path')
  assert.notEqual(createNoiseCrypto({ probe: NO_NATIVE }), noiseCrypto)
})

test('the fallback seals the native path\'s bytes for the same key, nonce and input, and opens them', () => {
  const native = createNoiseCrypto({ probe: NATIVE })
  const fallback = createNoiseCrypto({ probe: NO_NATIVE })
  const k = nodeCrypto.randomBytes(32)
  const ad = nodeCrypto.randomBytes(32)
  for (const size of [0, 17, 1199, 1200, 4096, 65_519]) {
    const plaintext = nodeCrypto.randomBytes(size)
    const nonce = nodeCrypto.randomBytes(12)
    const expected = flat(native.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k))
    for (const input of [plaintext, asList(plaintext)]) {
      assert.deepEqual(Buffer.from(flat(fallback.chaCha20Poly1305Encrypt(input as Uint8Array, nonce, ad, k))), Buffer.from(expected), `size ${size}`)
    }
    for (const input of [expected, asList(expected)]) {
      assert.deepEqual(Buffer.from(flat(fallback.chaCha20Poly1305Decrypt(input as Uint8Array, nonce, ad, k))), plaintext, `size ${size}`)
    }
  }
  const nonce = nodeCrypto.randomBytes(12)
  const sealed = flat(fallback.chaCha20Poly1305Encrypt(nodeCrypto.randomBytes(65_519), nonce, ad, k))
  const tampered = Uint8Array.from(sealed)
  tampered[100] = (tampered[100] ?? 0) ^ 1
  assert.throws(() => fallback.chaCha20Poly1305Decrypt(tampered, nonce, ad, k))
  assert.throws(() => fallback.chaCha20Poly1305Decrypt(sealed, nonce, ad, nodeCrypto.randomBytes(32)))
  assert.throws(() => fallback.chaCha20Poly1305Decrypt(sealed, nodeCrypto.randomBytes(12), ad, k))
})

/** Noise's crypto that counts large sealed messages and flips a bit in each once `tamper.on` is set. */
function tampering (crypto: ICryptoInterface, tamper: { on: boolean, large: number }): ICryptoInterface {
  return {
    ...crypto,
    chaCha20Poly1305Encrypt (plaintext, nonce, ad, k) {
      const sealed = crypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k)
      if (plaintext.byteLength >= 1200) tamper.large++
      if (!tamper.on || plaintext.byteLength < 1200) return sealed
      const bytes = Uint8Array.from(sealed.subarray())
      bytes[10] = (bytes[10] ?? 0) ^ 1
      return bytes
    }
  }
}

/** What each host's echo handler has read. */
const receivedBy = new WeakMap<Libp2p, Uint8Array[]>()

/** A loopback host over TCP and Noise with `crypto`, echoing on ECHO. */
async function host (crypto: ICryptoInterface): Promise<Libp2p> {
  const node = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise({ crypto })],
    streamMuxers: [yamux()]
  })
  const received: Uint8Array[] = []
  receivedBy.set(node, received)
  await node.handle(ECHO, async (stream) => {
    for await (const chunk of stream) {
      received.push(chunk.subarray())
      if (!stream.send(chunk)) await stream.onDrain()
    }
    await stream.close()
  })
  return node
}

/** Send `data` to `to`'s echo over a new Noise connection from `from`; resolve with what came back. */
async function echo (from: Libp2p, to: Libp2p, data: Uint8Array): Promise<Buffer> {
  const connection = await from.dial(to.getMultiaddrs()[0] ?? assert.fail('no address'))
  assert.equal(connection.encryption, '/noise')
  const stream = await connection.newStream(ECHO)
  const back: Uint8Array[] = []
  const reading = (async () => { for await (const chunk of stream) back.push(chunk.subarray()) })()
  for (let at = 0; at < data.byteLength; at += 64 * 1024) {
    if (!stream.send(data.subarray(at, at + 64 * 1024))) await stream.onDrain()
  }
  await stream.close()
  await reading
  return Buffer.concat(back)
}

for (const [name, left, right] of [['fallback ⇄ native', NO_NATIVE, NATIVE], ['fallback ⇄ fallback', NO_NATIVE, NO_NATIVE]] as const) {
  test(`a Noise connection ${name} carries bytes both ways and refuses a tampered message`, async () => {
    const tamper = { on: false, large: 0 }
    const a = await host(tampering(createNoiseCrypto({ probe: left }), tamper))
    const b = await host(createNoiseCrypto({ probe: right }))
    try {
      for (const [from, to] of [[a, b], [b, a]] as const) {
        const data = nodeCrypto.randomBytes(1024 * 1024 + 17)
        assert.deepEqual(await echo(from, to, data), data, 'the echo comes back whole')
        assert.deepEqual(Buffer.concat(receivedBy.get(to) ?? []), data, 'the far side read exactly what was sent')
        receivedBy.get(to)?.splice(0)
        await from.hangUp(to.peerId)
        await waitFor(() => a.getConnections().length === 0 && b.getConnections().length === 0, 5000, 'the connection to close')
      }
      assert.ok(tamper.large >= 16, 'a sealed its large messages through the cipher under test')
      tamper.on = true
      const data = nodeCrypto.randomBytes(256 * 1024)
      const outcome = await echo(a, b, data).catch((err: unknown) => err)
      assert.ok(!(outcome instanceof Buffer) || outcome.byteLength < data.byteLength, 'the tampered stream breaks off')
      const read = Buffer.concat(receivedBy.get(b) ?? [])
      assert.ok(read.byteLength < data.byteLength && read.equals(data.subarray(0, read.byteLength)), 'nothing tampered reached the handler')
      await waitFor(() => a.getConnections().length === 0 && b.getConnections().length === 0, 5000, 'the tampered connection to close')
    } finally {
      await a.stop()
      await b.stop()
    }
  })
}
