/**
 * IPNS names as users write them: a peer ID (`12D3Koo…`, `Qm…`), a
 * libp2p-key CID (`k51…`, `bafz…`), or a domain name for DNSLink.
 */
import { peerIdFromCID, peerIdFromString } from '@libp2p/peer-id'
import { multihashToIPNSRoutingKey } from 'ipns'
import { base36 } from 'multiformats/bases/base36'
import { parseCid } from '../block/block.ts'
import { InvalidNameError } from './errors.ts'
import type { PeerId } from '@libp2p/interface'

/** A parsed name: a key's peer ID, or a DNSLink domain. */
export type IpnsName = { kind: 'key', peer: PeerId } | { kind: 'dns', domain: string }

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i

/** Parse a name; InvalidNameError if it is none of the three forms. */
export function parseName (text: string): IpnsName {
  if (DOMAIN.test(text) && text.includes('.')) return { kind: 'dns', domain: text.toLowerCase() }
  try {
    if (/^(12D3Koo|Qm|16Uiu2)/.test(text)) return { kind: 'key', peer: peerIdFromString(text) }
    return { kind: 'key', peer: peerIdFromCID(parseCid(text)) }
  } catch (err) {
    throw new InvalidNameError(`"${text.slice(0, 100)}" is not an IPNS name (a peer ID, a libp2p-key CID or a domain): ${(err as Error).message}`)
  }
}

/** The canonical form Kubo prints: the CIDv1 libp2p-key in base36. */
export function formatName (peer: PeerId): string {
  return peer.toCID().toString(base36)
}

/** The DHT key of a name's record: `/ipns/` + the binary multihash. */
export function routingKey (peer: PeerId): Uint8Array {
  return multihashToIPNSRoutingKey(peer.toMultihash())
}
