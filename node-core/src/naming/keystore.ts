/**
 * The keystore: named private keys in the repo, readable by the owner only
 * (secret records), as Kubo's `key` commands manage them. The node's own
 * identity is the key `self`, kept in the config and never in the store.
 * Keys leave the repo only through an explicit `export`.
 */
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { InvalidKeyError, KeyExistsError, KeyNotFoundError } from './errors.ts'
import type { RecordStore } from '../repo/records.ts'
import type { PrivateKey } from '@libp2p/interface'

/** Key types `key gen` makes. */
export type KeyType = 'ed25519' | 'rsa' | 'secp256k1'

/** A key as `key list -l` shows it. */
export interface KeyInfo {
  name: string
  /** Its peer ID: the IPNS name it publishes under. */
  id: string
}

const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/

function checkName (name: string): string {
  if (name === 'self') throw new InvalidKeyError('"self" is the node\'s own key and cannot be changed here')
  if (!NAME.test(name)) throw new InvalidKeyError(`key name ${JSON.stringify(name.slice(0, 100))} must be 1-100 of A-Z a-z 0-9 . _ - (not starting with .)`)
  return name
}

/** Named keys, plus `self`. */
export class Keystore {
  readonly #records: RecordStore
  readonly #self: PrivateKey

  constructor (records: RecordStore, self: PrivateKey) {
    this.#records = records
    this.#self = self
  }

  /** Make a new key. */
  async gen (name: string, type: KeyType = 'ed25519', bits = 2048): Promise<KeyInfo> {
    checkName(name)
    if (await this.#records.get(name) !== undefined) throw new KeyExistsError(`a key named "${name}" exists`)
    let key: PrivateKey
    if (type === 'ed25519') key = await generateKeyPair('Ed25519')
    else if (type === 'secp256k1') key = await generateKeyPair('secp256k1')
    else if (type === 'rsa') {
      if (!Number.isInteger(bits) || bits < 2048 || bits > 4096) throw new InvalidKeyError(`RSA keys are 2048 to 4096 bits, not ${bits}`)
      key = await generateKeyPair('RSA', bits)
    } else throw new InvalidKeyError(`key type must be ed25519, rsa or secp256k1, not "${String(type)}"`)
    await this.#records.put(name, privateKeyToProtobuf(key))
    return { name, id: peerIdFromPrivateKey(key).toString() }
  }

  /** The private key called `name` (`self` is the node's). */
  async get (name: string): Promise<PrivateKey> {
    if (name === 'self') return this.#self
    const bytes = await this.#records.get(checkName(name))
    if (bytes === undefined) throw new KeyNotFoundError(`no key named "${name}"`)
    return privateKeyFromProtobuf(bytes)
  }

  /** Every key, `self` first. */
  async list (): Promise<KeyInfo[]> {
    const keys: KeyInfo[] = [{ name: 'self', id: peerIdFromPrivateKey(this.#self).toString() }]
    for (const name of await this.#records.names()) keys.push({ name, id: peerIdFromPrivateKey(await this.get(name)).toString() })
    return keys
  }

  async rm (name: string): Promise<KeyInfo> {
    const info = { name, id: peerIdFromPrivateKey(await this.get(checkName(name))).toString() }
    await this.#records.delete(name)
    return info
  }

  async rename (from: string, to: string, force = false): Promise<KeyInfo> {
    const key = await this.get(checkName(from))
    checkName(to)
    if (!force && await this.#records.get(to) !== undefined) throw new KeyExistsError(`a key named "${to}" exists (force to overwrite)`)
    await this.#records.put(to, privateKeyToProtobuf(key))
    await this.#records.delete(from)
    return { name: to, id: peerIdFromPrivateKey(key).toString() }
  }

  /** The key in libp2p's protobuf form (Kubo's libp2p-protobuf-cleartext export). */
  async export (name: string): Promise<Uint8Array> {
    return privateKeyToProtobuf(await this.get(name))
  }

  /** Store a key exported by Kubo or by us (libp2p protobuf). */
  async import (name: string, bytes: Uint8Array): Promise<KeyInfo> {
    checkName(name)
    if (await this.#records.get(name) !== undefined) throw new KeyExistsError(`a key named "${name}" exists`)
    let key: PrivateKey
    try {
      key = privateKeyFromProtobuf(bytes)
    } catch (err) {
      throw new InvalidKeyError(`not a libp2p private key: ${(err as Error).message}`)
    }
    await this.#records.put(name, privateKeyToProtobuf(key))
    return { name, id: peerIdFromPrivateKey(key).toString() }
  }
}
