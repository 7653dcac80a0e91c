/**
 * Where the LAN link server listens, from `Share.LanLink.Address`.
 *
 * An explicit address is used as given. The unspecified address means
 * "this machine's LAN addresses only", never every interface: `0.0.0.0`
 * becomes each private IPv4 address of the interface table (RFC 1918's
 * 10/8, 172.16/12 and 192.168/16, and link-local 169.254/16), `::` each
 * unique local IPv6 address (fc00::/7); loopback and public addresses are
 * left out. With none, there is nothing to listen on: NoLanAddressError.
 */
import { parseMultiaddr } from '../network/parse.ts'
import { LanLinkAddressError, NoLanAddressError } from './lan-link-errors.ts'
import type { NetworkInterfaceInfo } from 'node:os'

/** The hosts to bind and the port they share. */
export interface LanBinding {
  hosts: string[]
  port: number
}

/** An interface table as `os.networkInterfaces()` gives it. */
export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>

/** The hosts and port `address` (a multiaddr) means on a machine with `interfaces`. */
export function lanBinding (address: string, interfaces: InterfaceTable): LanBinding {
  const { host, port, v6 } = tcpAddress(address)
  if (host !== '0.0.0.0' && host !== '::') return { hosts: [host], port }
  const hosts = privateAddresses(interfaces, v6)
  if (hosts.length === 0) {
    throw new NoLanAddressError(`Share.LanLink.Address is ${address}, which means this machine's LAN addresses, and no network interface has a private ${v6 ? 'IPv6 (fc00::/7)' : 'IPv4 (10/8, 172.16/12, 192.168/16, 169.254/16)'} address`)
  }
  return { hosts, port }
}

/** The private addresses of `interfaces`: IPv4 (RFC 1918, link-local), or unique local IPv6. */
export function privateAddresses (interfaces: InterfaceTable, v6: boolean): string[] {
  const found = new Set<string>()
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.internal) continue
      if (v6 ? entry.family === 'IPv6' && isUniqueLocal(entry.address) : entry.family === 'IPv4' && isPrivateIPv4(entry.address)) found.add(entry.address)
    }
  }
  return [...found]
}

/** 10/8, 172.16/12, 192.168/16 or 169.254/16. */
export function isPrivateIPv4 (address: string): boolean {
  const octets = address.split('.').map(Number)
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return false
  const [a = 0, b = 0] = octets
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
}

function isUniqueLocal (address: string): boolean {
  return /^f[cd][0-9a-f]{0,2}:/i.test(address)
}

function tcpAddress (text: string): { host: string, port: number, v6: boolean } {
  let parts
  try {
    parts = parseMultiaddr(text).getComponents()
  } catch (err) {
    throw new LanLinkAddressError(`Share.LanLink.Address ${JSON.stringify(text.slice(0, 200))} is not a multiaddr: ${(err as Error).message}`, { cause: err })
  }
  const [ip, tcp] = parts
  if (ip === undefined || (ip.name !== 'ip4' && ip.name !== 'ip6') || ip.value === undefined || tcp?.name !== 'tcp' || parts.length !== 2) {
    throw new LanLinkAddressError(`Share.LanLink.Address must be /ip4/<address>/tcp/<port> or /ip6/<address>/tcp/<port>, got ${text.slice(0, 200)}`)
  }
  return { host: ip.value, port: Number(tcp.value), v6: ip.name === 'ip6' }
}
