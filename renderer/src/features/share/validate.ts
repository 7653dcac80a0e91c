/**
 * Checking what a user types before it is sent: a device's address (a
 * multiaddr ending in /p2p/<peer ID>), a pairing code, a LAN link's PIN.
 * Each gives the value to send or the words to show beside the field.
 */
import { share as t } from '../../texts/share.ts'

/** A value ready to send, or what is wrong with the text. */
export type Checked<T> = { ok: true, value: T } | { ok: false, error: string }

const IP4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const IP6 = /^[0-9a-fA-F:.]+$/
const DNS = /^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?$/
/** A peer ID as text: base58btc (Qm…, 12D3Koo…) or a base32 CIDv1 (b…). */
const PEER = /^(Qm[1-9A-HJ-NP-Za-km-z]{44}|12D3Koo[1-9A-HJ-NP-Za-km-z]{40,60}|16U[1-9A-HJ-NP-Za-km-z]{40,60}|b[a-z2-7]{50,70})$/

/** Protocols by how many values follow them in the address. */
const ARITY: Record<string, 0 | 1> = {
  ip4: 1, ip6: 1, dns: 1, dns4: 1, dns6: 1, dnsaddr: 1, tcp: 1, udp: 1, p2p: 1, ipfs: 1,
  quic: 0, 'quic-v1': 0, ws: 0, wss: 0, tls: 0, noise: 0, webtransport: 0, 'p2p-circuit': 0, certhash: 1, sni: 1, http: 0, https: 0
}

function checkValue (protocol: string, value: string): string | undefined {
  switch (protocol) {
    case 'ip4': return IP4.test(value) ? undefined : t.add.badIp(value)
    case 'ip6': return IP6.test(value) && value.includes(':') ? undefined : t.add.badIp(value)
    case 'dns': case 'dns4': case 'dns6': case 'dnsaddr': case 'sni': return DNS.test(value) ? undefined : t.add.badIp(value)
    case 'tcp': case 'udp': {
      const port = /^\d{1,5}$/.test(value) ? Number(value) : 0
      return port >= 1 && port <= 65535 ? undefined : t.add.badPort(value)
    }
    case 'p2p': case 'ipfs': return PEER.test(value) ? undefined : t.add.badPeer
    default: return undefined
  }
}

/** A device's address: a multiaddr whose parts this app knows, ending in /p2p/<peer ID>. */
export function checkAddress (text: string): Checked<string> {
  const address = text.trim()
  if (address === '') return { ok: false, error: t.add.empty }
  if (!address.startsWith('/') || /\s/.test(address)) return { ok: false, error: t.add.notMultiaddr }
  const parts = address.slice(1).split('/')
  let peer: string | undefined
  for (let i = 0; i < parts.length; i++) {
    const protocol = parts[i] ?? ''
    const arity = ARITY[protocol]
    if (arity === undefined) return { ok: false, error: protocol === '' ? t.add.notMultiaddr : t.add.badProtocol(protocol.slice(0, 40)) }
    if (arity === 0) continue
    const value = parts[++i]
    if (value === undefined || value === '') return { ok: false, error: protocol === 'p2p' ? t.add.noPeer : t.add.notMultiaddr }
    const wrong = checkValue(protocol, value)
    if (wrong !== undefined) return { ok: false, error: wrong }
    if (protocol === 'p2p' || protocol === 'ipfs') peer = value
  }
  const last = parts.at(-2)
  if (peer === undefined || (last !== 'p2p' && last !== 'ipfs')) return { ok: false, error: t.add.noPeer }
  return { ok: true, value: address }
}

/** A pairing code: six digits (spaces and dashes people type are dropped). */
export function checkPairingCode (text: string): Checked<string> {
  const code = text.replace(/[\s-]/g, '')
  return /^\d{6}$/.test(code) ? { ok: true, value: code } : { ok: false, error: t.pair.enterBad }
}

/** A LAN link's PIN: empty (none) or 4 to 8 digits. */
export function checkPin (text: string): Checked<string | undefined> {
  const pin = text.trim()
  if (pin === '') return { ok: true, value: undefined }
  return /^\d{4,8}$/.test(pin) ? { ok: true, value: pin } : { ok: false, error: t.links.pinBad }
}
