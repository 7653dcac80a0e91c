/**
 * The node's identity: an Ed25519 key pair and the peer ID derived from it,
 * stored in the config as Kubo does (`Identity.PeerID`, `Identity.PrivKey`
 * as the base64 libp2p protobuf of the private key).
 */
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { InvalidConfigError } from './errors.ts'
import type { PrivateKey } from '@libp2p/interface'

/** The identity section of a config. */
export interface Identity {
  PeerID: string
  PrivKey: string
}

/** A new Ed25519 identity. */
export async function createIdentity (): Promise<Identity> {
  const key = await generateKeyPair('Ed25519')
  return {
    PeerID: peerIdFromPrivateKey(key).toString(),
    PrivKey: Buffer.from(privateKeyToProtobuf(key)).toString('base64')
  }
}

/** The private key of an identity; InvalidConfigError if it does not match its peer ID. */
export function loadPrivateKey (identity: Identity): PrivateKey {
  let key: PrivateKey
  try {
    key = privateKeyFromProtobuf(Buffer.from(identity.PrivKey, 'base64'))
  } catch (err) {
    throw new InvalidConfigError(`Identity.PrivKey is not a valid key: ${(err as Error).message}`)
  }
  if (peerIdFromPrivateKey(key).toString() !== identity.PeerID) {
    throw new InvalidConfigError('Identity.PeerID does not match Identity.PrivKey')
  }
  return key
}
