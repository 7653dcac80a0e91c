/**
 * Where a peer's address is: on this machine or a private network (the
 * LAN), reached through a relay, or out on the internet. Read from the
 * address alone; nothing is looked up.
 */
import { BlockList, isIP } from 'node:net'

const lan = new BlockList()
for (const [prefix, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) lan.addSubnet(prefix, bits, 'ipv4')
for (const [prefix, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) lan.addSubnet(prefix, bits, 'ipv6')

/** The first IP address of a multiaddr (`/ip4/…`, `/ip6/…`, after an `/ip6zone/…`); undefined for DNS names and others. */
export function ipOf (address: string): string | undefined {
  const match = /^(?:\/ip6zone\/[^/]+)?\/ip[46]\/([^/]+)/.exec(address)
  return match?.[1] === undefined ? undefined : plainIp(match[1])
}

/** An IP address without its zone (`fe80::1%eth0`) and with an IPv4-mapped IPv6 address as IPv4; undefined if it is not an IP address. */
export function plainIp (ip: string): string | undefined {
  const unzoned = ip.replace(/%.*$/, '')
  const plain = mappedIpv4(unzoned) ?? unzoned
  return isIP(plain) === 0 ? undefined : plain
}

/** The IPv4 address of an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, `::ffff:a00:1`). */
function mappedIpv4 (ip: string): string | undefined {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1]
  if (dotted !== undefined) return dotted
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip)
  if (hex === null) return undefined
  const high = Number.parseInt(hex[1] ?? '0', 16)
  const low = Number.parseInt(hex[2] ?? '0', 16)
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
}

/**
 * True for an address on this machine or a private network.
 *
 * IPv4: loopback, "this network" (0/8), RFC 1918, link-local, carrier-grade
 * NAT (100.64/10). IPv6: loopback, unspecified, unique local (fc00::/7),
 * link-local (fe80::/10), and IPv4-mapped addresses by their IPv4 rule.
 */
export function isLanIp (ip: string): boolean {
  const plain = plainIp(ip)
  if (plain === undefined) return false
  return lan.check(plain, isIP(plain) === 4 ? 'ipv4' : 'ipv6')
}

/** True for a multiaddr that goes through a relay (`/p2p-circuit`). */
export function isRelayed (address: string): boolean {
  return /\/p2p-circuit(\/|$)/.test(address)
}
