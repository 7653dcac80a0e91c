/**
 * Pairing by a six-digit code, for devices multicast does not reach (other
 * subnets, VLANs, VPNs, Wi-Fi isolation) and to mark a device as trusted.
 *
 * The device that starts shows the code and announces a rendezvous key
 * derived from the code's first two digits only (`rendezvousCid`) on the
 * DHTs, so the key tells the world at most those two. The other device,
 * given the code, asks the devices it already sees whether they show a code
 * under that key (a `has` of the key), and looks up the key's providers;
 * to each that does, it proves it knows the code with an HMAC over both
 * peer IDs and its nonce; the first answers with its own proof over both
 * nonces, so each side knows the other saw the same code. A code is good
 * for one pairing, PAIRING_TTL_MS and PAIRING_TRIES wrong proofs. Streams
 * are encrypted to the peer IDs, so only the device a proof is sent to can
 * guess the code from it: a device that lies about showing a code could
 * (six digits fall to an offline search) and pair as itself before the
 * joiner does, which both screens then show — a PAKE would close that;
 * see docs/share-protocol.md.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { findConnectedProviders } from '../routing/providers.ts'
import { PairingFailedError } from './errors.ts'
import { PAIRING_TRIES, PAIRING_TTL_MS } from './limits.ts'
import type { AbortOptions } from '../abort.ts'
import type { Host } from '../network/host.ts'
import type { Device, Devices } from './devices.ts'
import type { Hello, Reply, Request, RequestBody } from './messages.ts'
import type { Connection, PeerId } from '@libp2p/interface'

/** What pairing needs. */
export interface PairingInit {
  host: Host
  devices: Devices
  request(peer: PeerId, body: RequestBody, options?: AbortOptions): Promise<Exclude<Reply, { type: 'error' }>>
  hello(): Hello
  onPairing(state: 'paired' | 'expired' | 'failed', device?: Device): void
}

interface Active {
  code: string
  expiresAt: number
  tries: number
  timer: NodeJS.Timeout
}

/** The DHT key a code is announced under: from its first two digits, so the key does not give the code away. */
export async function rendezvousCid (code: string): Promise<CID> {
  return CID.createV1(raw.code, await sha256.digest(new TextEncoder().encode(`planetary-pair/1/${code.slice(0, 2)}`)))
}

function proof (code: string, ...parts: string[]): string {
  return createHmac('sha256', code).update(['planetary-pair/1', ...parts].join('|')).digest('base64')
}

function same (a: string, b: string): boolean {
  const x = Buffer.from(a, 'base64')
  const y = Buffer.from(b, 'base64')
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Pairing codes shown and entered. */
export class Pairing {
  readonly #init: PairingInit
  #active: Active | undefined
  #rendezvous: string | undefined

  constructor (init: PairingInit) {
    this.#init = init
  }

  /** Show a new code (the last one stops working). */
  async start (): Promise<{ code: string, expiresAt: number }> {
    this.#end()
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const expiresAt = Date.now() + PAIRING_TTL_MS
    const timer = setTimeout(() => {
      this.#end()
      this.#init.onPairing('expired')
    }, PAIRING_TTL_MS)
    timer.unref()
    this.#active = { code, expiresAt, tries: 0, timer }
    const key = await rendezvousCid(code)
    this.#rendezvous = key.toString()
    void this.#init.host.contentRouting.provide(key, { signal: AbortSignal.timeout(60_000) }).catch(() => {})
    return { code, expiresAt }
  }

  /** Whether `root` is the rendezvous key of the code this device shows now. */
  async shows (root: string): Promise<boolean> {
    return this.#active !== undefined && Date.now() <= this.#active.expiresAt && root === this.#rendezvous
  }

  async cancel (): Promise<void> {
    this.#end()
  }

  stop (): void {
    this.#end()
  }

  /** Pair with the device showing `code`: the devices in sight first, then the code's providers on the DHTs. */
  async join (code: string, options: AbortOptions & { onPhase?: (phase: 'finding' | 'connecting' | 'verifying') => void } = {}): Promise<Device> {
    options.onPhase?.('finding')
    const key = await rendezvousCid(code)
    const tried = new Set<string>([this.#init.host.peerId.toString()])
    const attempt = async (peer: PeerId): Promise<Device | undefined> => {
      if (tried.has(peer.toString())) return undefined
      tried.add(peer.toString())
      // Only a device that shows a code under this key is sent a proof.
      const shows = await this.#init.request(peer, { type: 'has', root: key.toString() }, options).then((r) => r.type === 'ok' && r.has === true, () => false)
      if (!shows) return undefined
      options.onPhase?.('verifying')
      try {
        return await this.#prove(peer, code, options)
      } catch {
        // not this device (no code shown, another code, gone): try the next
        options.signal?.throwIfAborted()
        return undefined
      }
    }
    for (const device of this.#init.devices.list().filter((d) => d.online)) {
      const paired = await attempt(this.#init.devices.resolve(device.peer))
      if (paired !== undefined) return paired
    }
    options.onPhase?.('connecting')
    const signal = AbortSignal.any([AbortSignal.timeout(30_000), ...(options.signal === undefined ? [] : [options.signal])])
    try {
      for await (const peer of findConnectedProviders(this.#init.host, key, { signal })) {
        const paired = await attempt(peer)
        if (paired !== undefined) return paired
      }
    } catch {
      // the DHT search ended (no DHT, timeout): say so below
      options.signal?.throwIfAborted()
    }
    throw new PairingFailedError(`no device answered to code ${code}: check the code, and that the other device still shows it`)
  }

  async #prove (peer: PeerId, code: string, options: AbortOptions): Promise<Device> {
    const me = this.#init.host.peerId.toString()
    const them = peer.toString()
    const nonce = randomBytes(32).toString('base64')
    const reply = await this.#init.request(peer, { type: 'pair', nonce, proof: proof(code, 'join', me, them, nonce), device: this.#init.hello() }, options)
    if (reply.type !== 'paired') throw new PairingFailedError(`${them} answered a pairing with ${reply.type}`)
    if (!same(reply.proof, proof(code, 'host', them, me, nonce, reply.nonce))) throw new PairingFailedError(`wrong proof from ${them}: it does not show this code`)
    return await this.#init.devices.paired(peer, reply.device, this.#init.host.getConnections(peer)[0])
  }

  /** A `pair` request: answer with our proof if it proves the code we show. */
  async handle (peer: PeerId, message: Extract<Request, { type: 'pair' }>, connection: Connection): Promise<Extract<Reply, { type: 'paired' }> extends infer R ? Omit<R, 'v'> : never> {
    const active = this.#active
    if (active === undefined || Date.now() > active.expiresAt) throw new PairingFailedError('this device shows no pairing code')
    const me = this.#init.host.peerId.toString()
    const them = peer.toString()
    if (!same(message.proof, proof(active.code, 'join', them, me, message.nonce))) {
      active.tries++
      if (active.tries >= PAIRING_TRIES) {
        this.#end()
        this.#init.onPairing('failed')
      }
      throw new PairingFailedError('wrong proof: the code entered is not the code shown')
    }
    this.#end()
    const nonce = randomBytes(32).toString('base64')
    const device = await this.#init.devices.paired(peer, message.device, connection)
    this.#init.onPairing('paired', device)
    return { type: 'paired', nonce, proof: proof(active.code, 'host', me, them, message.nonce, nonce), device: this.#init.hello() }
  }

  #end (): void {
    if (this.#active !== undefined) clearTimeout(this.#active.timer)
    this.#active = undefined
    this.#rendezvous = undefined
  }
}
