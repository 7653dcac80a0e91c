/**
 * Parsing multiaddrs and peer IDs that come from outside (CLI, RPC,
 * config), each failure a named error.
 */
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { InvalidMultiaddrError, InvalidPeerIdError } from './errors.ts'
import type { PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

/** A multiaddr; InvalidMultiaddrError if `text` is not one. */
export function parseMultiaddr (text: string): Multiaddr {
  try {
    if (!text.startsWith('/')) throw new Error('must start with /')
    return multiaddr(text)
  } catch (err) {
    throw new InvalidMultiaddrError(`invalid multiaddr "${text.slice(0, 200)}": ${(err as Error).message}`)
  }
}

/** A peer ID; InvalidPeerIdError if `text` is not one. */
export function parsePeerId (text: string): PeerId {
  try {
    return peerIdFromString(text)
  } catch (err) {
    throw new InvalidPeerIdError(`invalid peer ID "${text.slice(0, 200)}": ${(err as Error).message}`)
  }
}

/** A multiaddr ending in /p2p/<id>, or a bare peer ID: what `ping` and `swarm connect` accept. */
export function parsePeerOrAddress (text: string): PeerId | Multiaddr {
  return text.startsWith('/') ? parseMultiaddr(text) : parsePeerId(text)
}
